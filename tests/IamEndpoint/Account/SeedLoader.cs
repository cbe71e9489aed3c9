using System.Globalization;
using System.Text;
using System.Text.Json;
using IamEndpoint.Protocol;

namespace IamEndpoint.Account;

/// <summary>A seed file that cannot be loaded, with the place in it that is wrong.</summary>
internal sealed class SeedException(string message) : Exception(message);

/// <summary>Builds the in-memory account from a seed file (format: tests/IamEndpoint/README.md).</summary>
internal sealed class SeedLoader
{
    private static readonly DateTime s_defaultAccountCreateDate = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly SeedDocument _seed;
    private readonly AccountState _account;

    private SeedLoader(SeedDocument seed, int randomSeed)
    {
        _seed = seed;
        DateTime created = Utc(seed.AccountCreateDate) ?? s_defaultAccountCreateDate;
        _account = new AccountState(seed.AccountId, seed.Partition, created, randomSeed);
    }

    /// <summary>Reads and checks the seed file; throws <see cref="SeedException"/> naming what is wrong.</summary>
    public static AccountState Load(string path, int randomSeed)
    {
        SeedDocument seed;
        try
        {
            using FileStream stream = File.OpenRead(path);
            seed = JsonSerializer.Deserialize(stream, SeedJsonContext.Default.SeedDocument)
                ?? throw new SeedException($"Seed file {path} is empty.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeedException($"Cannot read seed file {path}: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new SeedException($"Seed file {path} is not valid at {e.Path ?? "$"}: {e.Message}");
        }

        var loader = new SeedLoader(seed, randomSeed);
        loader.Build();
        return loader._account;
    }

    /// <summary>A policy document object as stored text, indented the way the IAM console writes it.</summary>
    public static string DocumentText(JsonElement document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4 }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A seed date in UTC; a date without an offset is read as UTC.</summary>
    internal static DateTime? Utc(DateTime? value) =>
        value is null ? null
        : value.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc)
        : value.Value.ToUniversalTime();

    private void Build()
    {
        Check("accountId", () =>
        {
            if (_seed.AccountId.Length != 12 || !_seed.AccountId.All(char.IsAsciiDigit))
            {
                throw new SeedException("must be 12 digits");
            }

            if (_seed.Partition is not ("aws" or "aws-cn" or "aws-us-gov"))
            {
                throw new SeedException("partition must be aws, aws-cn or aws-us-gov");
            }
        });

        AddAwsManagedPolicies();
        for (int i = 0; i < _seed.Policies.Count; i++)
        {
            SeedPolicy policy = _seed.Policies[i];
            Check($"policies[{i}] ({policy.Name})", () => AddLocalPolicy(policy));
        }

        for (int i = 0; i < _seed.Groups.Count; i++)
        {
            SeedGroup group = _seed.Groups[i];
            Check($"groups[{i}] ({group.Name})", () => AddGroup(group));
        }

        var users = new SeedUserBuilder(_account);
        for (int i = 0; i < _seed.Users.Count; i++)
        {
            SeedUser user = _seed.Users[i];
            Check($"users[{i}] ({user.Name})", () => users.Add(user, Created(user.CreateDate)));
        }

        for (int i = 0; i < _seed.VirtualMfaDevices.Count; i++)
        {
            SeedVirtualDevice device = _seed.VirtualMfaDevices[i];
            Check($"virtualMfaDevices[{i}] ({device.Name})", () => users.AddUnassignedVirtualDevice(device));
        }

        Check("root", () => AddRoot(users));
        Check("defaultCaller", SetDefaultCaller);
    }

    /// <summary>Runs one part of the build, turning its errors into a message that names the part.</summary>
    private static void Check(string where, Action build)
    {
        try
        {
            build();
        }
        catch (SeedException e)
        {
            throw new SeedException($"{where}: {e.Message}");
        }
        catch (ServiceException e)
        {
            throw new SeedException($"{where}: {e.Message}");
        }
    }

    private DateTime Created(DateTime? value) => Utc(value) ?? _account.CreateDate;

    private void AddAwsManagedPolicies()
    {
        foreach (AwsManagedPolicyData data in AwsManagedPolicies.All)
        {
            var policy = new ManagedPolicy
            {
                Name = data.Name,
                Path = data.Path,
                Id = IdGenerator.Stable("ANPA", "aws:" + data.Name),
                Arn = _account.AwsPolicyArn(data.Path, data.Name),
                IsAwsManaged = true,
                CreateDate = data.CreateDate,
                UpdateDate = data.UpdateDate,
                DefaultVersionId = data.VersionId,
            };
            policy.Versions.Add(new PolicyVersion
            {
                Id = data.VersionId,
                Document = data.Document,
                CreateDate = data.UpdateDate,
            });
            _account.AddPolicy(policy);
        }

        for (int i = 0; i < _seed.AwsManagedPolicies.Count; i++)
        {
            SeedPolicy seed = _seed.AwsManagedPolicies[i];
            Check($"awsManagedPolicies[{i}] ({seed.Name})", () => AddPolicy(seed, awsManaged: true));
        }
    }

    private void AddLocalPolicy(SeedPolicy seed) => AddPolicy(seed, awsManaged: false);

    private void AddPolicy(SeedPolicy seed, bool awsManaged)
    {
        Rules.PolicyName(seed.Name);
        string path = Rules.Path(seed.Path);
        string arn = awsManaged ? _account.AwsPolicyArn(path, seed.Name) : _account.LocalPolicyArn(path, seed.Name);
        bool taken = _account.PoliciesByArn.ContainsKey(arn) || (!awsManaged && _account.Policies.From(null)
            .Any(p => !p.IsAwsManaged && string.Equals(p.Name, seed.Name, StringComparison.OrdinalIgnoreCase)));
        if (taken)
        {
            throw new SeedException("a policy of that name is already defined");
        }

        List<SeedPolicyVersion> versions = seed.Versions;
        if (seed.Document is { } single)
        {
            if (versions.Count > 0)
            {
                throw new SeedException("give either document or versions, not both");
            }

            versions = [new SeedPolicyVersion { Document = single }];
        }

        if (versions.Count is 0 or > Rules.VersionsPerPolicy)
        {
            throw new SeedException($"a policy needs 1 to {Rules.VersionsPerPolicy} versions");
        }

        DateTime created = Created(seed.CreateDate);
        var policy = new ManagedPolicy
        {
            Name = seed.Name,
            Path = path,
            Id = seed.Id ?? IdGenerator.Stable("ANPA", arn),
            Arn = arn,
            Description = seed.Description,
            IsAwsManaged = awsManaged,
            CreateDate = created,
            UpdateDate = Utc(seed.UpdateDate) ?? created,
            DefaultVersionId = "",
        };

        int number = 0;
        foreach (SeedPolicyVersion version in versions)
        {
            string id = version.Id ?? $"v{number + 1}";
            Rules.VersionId(id);
            number = Math.Max(number, VersionNumber(id));
            if (policy.Versions.Any(v => v.Id == id))
            {
                throw new SeedException($"version {id} is defined twice");
            }

            string document = DocumentText(version.Document);
            PolicyDocuments.Validate(document);
            DateTime versionCreated = Created(version.CreateDate);
            policy.Versions.Add(new PolicyVersion { Id = id, Document = document, CreateDate = versionCreated });
        }

        policy.NextVersionNumber = number + 1;
        policy.DefaultVersionId = seed.DefaultVersion ?? policy.Versions[^1].Id;
        if (policy.Versions.All(v => v.Id != policy.DefaultVersionId))
        {
            throw new SeedException($"defaultVersion {policy.DefaultVersionId} is not one of its versions");
        }

        Rules.MergeTags(policy.Tags, seed.Tags.Select(t => Rules.Tag(t.Key, t.Value)));
        _account.AddPolicy(policy);
    }

    private void AddGroup(SeedGroup seed)
    {
        Rules.GroupName(seed.Name);
        string path = Rules.Path(seed.Path);
        if (_account.Groups.Contains(AccountState.NameKey(seed.Name)))
        {
            throw new SeedException("a group of that name (regardless of case) is already defined");
        }

        var group = new IamGroup
        {
            Name = seed.Name,
            Path = path,
            Id = seed.Id ?? IdGenerator.Stable("AGPA", seed.Name),
            Arn = _account.GroupArn(path, seed.Name),
            CreateDate = Created(seed.CreateDate),
        };

        AddPolicies(_account, "group", seed.AttachedPolicies, seed.InlinePolicies, group.AttachedPolicies,
            group.InlinePolicies, policy => policy.AttachedGroups.Add(group));
        _account.Groups.Add(group);
    }

    private void AddRoot(SeedUserBuilder users)
    {
        SeedRoot seed = _seed.Root;
        var root = new RootUser { PasswordLastUsed = Utc(seed.PasswordLastUsed) };
        _account.Root = root;
        users.AddAccessKeys(null, root.AccessKeys, seed.AccessKeys);

        DateTime enabled = Utc(seed.MfaEnableDate) ?? _account.CreateDate;
        switch (seed.Mfa)
        {
            case "none":
                break;
            case "virtual":
                string serial = seed.MfaSerialNumber ?? _account.VirtualMfaSerial("/", "root-account-mfa-device");
                users.AssignDevice(null, MfaDeviceType.Virtual, serial, seed.MfaSeed, enabled);
                break;
            case "hardware":
                users.AssignDevice(null, MfaDeviceType.Hardware, seed.MfaSerialNumber ?? "GAHT00000001", seed.MfaSeed,
                    enabled);
                break;
            default:
                throw new SeedException($"mfa must be none, virtual or hardware, not '{seed.Mfa}'");
        }
    }

    private void SetDefaultCaller()
    {
        string? name = _seed.DefaultCaller;
        if (name is null)
        {
            _account.DefaultCallerName = _account.Users.Contains("admin") ? "admin" : null;
        }
        else if (name == "root")
        {
            _account.DefaultCallerName = null;
        }
        else
        {
            _account.DefaultCallerName = _account.Users.TryGet(AccountState.NameKey(name), out IamUser user)
                ? user.Name
                : throw new SeedException($"user '{name}' is not defined in users (use \"root\" for the root user)");
        }
    }

    private static int VersionNumber(string versionId)
    {
        int dot = versionId.IndexOf('.');
        return int.Parse(dot > 0 ? versionId[1..dot] : versionId[1..], CultureInfo.InvariantCulture);
    }

    /// <summary>A policy by ARN, or by name: a customer-managed policy first, then an AWS-managed one.</summary>
    /// <summary>
    /// Attaches a user's or a group's seeded managed policies (once each, within IAM's limit per entity) and sets its
    /// inline ones after checking their names and documents.
    /// </summary>
    internal static void AddPolicies(AccountState account, string entityKind, IEnumerable<string> references,
        IDictionary<string, JsonElement> inline, List<ManagedPolicy> attached, IDictionary<string, string> inlineTarget,
        Action<ManagedPolicy> attachBack)
    {
        foreach (string reference in references)
        {
            ManagedPolicy policy = ResolvePolicy(account, reference);
            if (!attached.Contains(policy))
            {
                attached.Add(policy);
                attachBack(policy);
            }
        }

        if (attached.Count > Rules.ManagedPoliciesPerEntity)
        {
            throw new SeedException($"at most {Rules.ManagedPoliciesPerEntity} managed policies per {entityKind}");
        }

        foreach ((string name, JsonElement document) in inline)
        {
            Rules.PolicyName(name);
            string text = DocumentText(document);
            PolicyDocuments.Validate(text);
            inlineTarget[name] = text;
        }
    }

    internal static ManagedPolicy ResolvePolicy(AccountState account, string reference)
    {
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return account.PoliciesByArn.TryGetValue(reference, out ManagedPolicy? byArn)
                ? byArn
                : throw new SeedException($"policy {reference} is not defined");
        }

        ManagedPolicy[] named = [.. account.Policies.From(null)
            .Where(p => string.Equals(p.Name, reference, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.IsAwsManaged)];
        return named.Length > 0 ? named[0] : throw new SeedException($"policy '{reference}' is not defined");
    }
}
