using System.Text.Json;

namespace IamEndpoint.Account;

/// <summary>Adds the seed's users with their credentials, memberships, policies and MFA devices.</summary>
internal sealed class SeedUserBuilder(AccountState account)
{
    public void Add(SeedUser seed, DateTime created)
    {
        Rules.UserName(seed.Name);
        string path = Rules.Path(seed.Path);
        if (account.Users.Contains(AccountState.NameKey(seed.Name)))
        {
            throw new SeedException("a user of that name (regardless of case) is already defined");
        }

        var user = new IamUser
        {
            Name = seed.Name,
            Path = path,
            Id = seed.Id ?? IdGenerator.Stable("AIDA", seed.Name),
            Arn = account.UserArn(path, seed.Name),
            CreateDate = created,
            PasswordLastUsed = SeedLoader.Utc(seed.PasswordLastUsed),
        };
        Rules.MergeTags(user.Tags, seed.Tags.Select(t => Rules.Tag(t.Key, t.Value)));

        if (seed.LoginProfile is { } profile)
        {
            user.LoginProfile = new LoginProfile
            {
                CreateDate = SeedLoader.Utc(profile.CreateDate) ?? created,
                PasswordResetRequired = profile.PasswordResetRequired,
            };
        }

        AddMemberships(user, seed);
        SeedLoader.AddPolicies(account, "user", seed.AttachedPolicies, seed.InlinePolicies, user.AttachedPolicies,
            user.InlinePolicies, policy => policy.AttachedUsers.Add(user));
        AddAccessKeys(user, user.AccessKeys, seed.AccessKeys);
        account.Users.Add(user);
        AddDevices(user, seed);
    }

    public void AddUnassignedVirtualDevice(SeedVirtualDevice seed)
    {
        Rules.VirtualMfaDeviceName(seed.Name);
        string serial = account.VirtualMfaSerial(Rules.Path(seed.Path), seed.Name);
        CheckSerialIsFree(serial);
        account.MfaDevices.Add(new MfaDevice
        {
            SerialNumber = serial,
            Type = MfaDeviceType.Virtual,
            Base32Seed = CheckedSeed(seed.Seed) ?? TotpCodes.StableSeed(serial),
        });
    }

    /// <summary>Adds access keys to a user, or to the root user when <paramref name="user"/> is null.</summary>
    public void AddAccessKeys(IamUser? user, List<AccessKey> keys, List<SeedAccessKey> seeds)
    {
        if (seeds.Count > Rules.AccessKeysPerUser)
        {
            throw new SeedException($"at most {Rules.AccessKeysPerUser} access keys");
        }

        foreach (SeedAccessKey seed in seeds)
        {
            if (seed.Id.Length < 16 || !seed.Id.All(char.IsAsciiLetterOrDigit))
            {
                throw new SeedException(
                    $"access key id '{seed.Id}' is not of the form AKIA followed by letters and digits");
            }

            if (account.AccessKeys.ContainsKey(seed.Id))
            {
                throw new SeedException($"access key {seed.Id} is defined twice");
            }

            if (seed.Status is not ("Active" or "Inactive"))
            {
                throw new SeedException($"access key status must be Active or Inactive, not '{seed.Status}'");
            }

            var key = new AccessKey
            {
                Id = seed.Id,
                Secret = seed.Secret ?? IdGenerator.NewSecret(),
                Status = seed.Status,
                CreateDate = SeedLoader.Utc(seed.CreateDate) ?? user?.CreateDate ?? account.CreateDate,
                LastUsedDate = SeedLoader.Utc(seed.LastUsed?.Date),
                LastUsedRegion = seed.LastUsed?.Region,
                LastUsedService = seed.LastUsed?.Service,
            };
            keys.Add(key);
            account.AccessKeys.Add(key.Id, (user, key));
        }
    }

    /// <summary>Creates a device assigned to a user, or to root when <paramref name="user"/> is null.</summary>
    public void AssignDevice(IamUser? user, MfaDeviceType type, string serial, string? seed, DateTime enabled)
    {
        CheckSerialIsFree(serial);
        var device = new MfaDevice
        {
            SerialNumber = serial,
            Type = type,
            Base32Seed = type == MfaDeviceType.SecurityKey ? null : CheckedSeed(seed) ?? TotpCodes.StableSeed(serial),
        };
        account.Assign(device, user, enabled);
    }

    private void AddMemberships(IamUser user, SeedUser seed)
    {
        foreach (string name in seed.Groups)
        {
            if (!account.Groups.TryGet(AccountState.NameKey(name), out IamGroup group))
            {
                throw new SeedException($"group '{name}' is not defined in groups");
            }

            if (!user.Groups.Contains(group))
            {
                user.Groups.Add(group);
                group.Members.Add(user.Key, user);
            }
        }

        if (user.Groups.Count > Rules.GroupsPerUser)
        {
            throw new SeedException($"at most {Rules.GroupsPerUser} groups per user");
        }
    }

    private void AddDevices(IamUser user, SeedUser seed)
    {
        if (seed.MfaDevices.Count > Rules.MfaDevicesPerUser)
        {
            throw new SeedException($"at most {Rules.MfaDevicesPerUser} MFA devices per user");
        }

        for (int i = 0; i < seed.MfaDevices.Count; i++)
        {
            SeedMfaDevice device = seed.MfaDevices[i];
            DateTime enabled = SeedLoader.Utc(device.EnableDate) ?? user.CreateDate;
            switch (device.Type)
            {
                case "virtual":
                    string name = Rules.VirtualMfaDeviceName(device.Name ?? $"{user.Name}-device-{i + 1}");
                    string serial = account.VirtualMfaSerial(Rules.Path(device.Path), name);
                    AssignDevice(user, MfaDeviceType.Virtual, serial, device.Seed, enabled);
                    break;
                case "hardware":
                    string hardwareSerial = device.SerialNumber
                        ?? throw new SeedException($"mfaDevices[{i}]: a hardware device needs its serialNumber");
                    AssignDevice(user, MfaDeviceType.Hardware, hardwareSerial, device.Seed, enabled);
                    break;
                case "securityKey":
                    string keyId = device.KeyId ?? IdGenerator.Stable("", $"{user.Name}/{i}", 26);
                    AssignDevice(user, MfaDeviceType.SecurityKey, account.SecurityKeySerial(user.Name, keyId), null,
                        enabled);
                    break;
                default:
                    throw new SeedException(
                        $"mfaDevices[{i}]: type must be virtual, hardware or securityKey, not '{device.Type}'");
            }
        }
    }

    private void CheckSerialIsFree(string serial)
    {
        if (account.MfaDevices.Contains(serial))
        {
            throw new SeedException($"MFA device {serial} is defined twice");
        }
    }

    private static string? CheckedSeed(string? seed)
    {
        if (seed is null)
        {
            return null;
        }

        try
        {
            return OtpNet.Base32Encoding.ToBytes(seed).Length >= 10
                ? seed
                : throw new SeedException("an MFA seed must be at least 16 base32 characters");
        }
        catch (ArgumentException)
        {
            throw new SeedException($"MFA seed '{seed}' is not base32");
        }
    }
}
