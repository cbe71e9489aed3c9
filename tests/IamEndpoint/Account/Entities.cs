namespace IamEndpoint.Account;

internal sealed record Tag(string Key, string Value);

internal sealed class LoginProfile
{
    public required DateTime CreateDate { get; init; }

    public bool PasswordResetRequired { get; set; }
}

internal sealed class AccessKey
{
    public required string Id { get; init; }

    public required string Secret { get; init; }

    /// <summary>Active or Inactive.</summary>
    public required string Status { get; set; }

    public required DateTime CreateDate { get; init; }

    public DateTime? LastUsedDate { get; init; }

    public string? LastUsedRegion { get; init; }

    public string? LastUsedService { get; init; }
}

/// <summary>An IAM user with everything attached to it.</summary>
internal sealed class IamUser
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required DateTime CreateDate { get; init; }

    public DateTime? PasswordLastUsed { get; set; }

    public List<Tag> Tags { get; } = [];

    public LoginProfile? LoginProfile { get; set; }

    public List<AccessKey> AccessKeys { get; } = [];

    /// <summary>Groups in the order the user joined them.</summary>
    public List<IamGroup> Groups { get; } = [];

    /// <summary>Managed policies in the order they were attached.</summary>
    public List<ManagedPolicy> AttachedPolicies { get; } = [];

    /// <summary>Inline policies by name, each its document text as submitted.</summary>
    public SortedDictionary<string, string> InlinePolicies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Assigned MFA devices in the order they were enabled.</summary>
    public List<MfaDevice> MfaDevices { get; } = [];

    public string Key => AccountState.NameKey(Name);
}

internal sealed class IamGroup
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required DateTime CreateDate { get; init; }

    /// <summary>Members by their name key, so GetGroup pages them in name order.</summary>
    public SortedDictionary<string, IamUser> Members { get; } = new(StringComparer.Ordinal);

    public List<ManagedPolicy> AttachedPolicies { get; } = [];

    public SortedDictionary<string, string> InlinePolicies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Key => AccountState.NameKey(Name);
}

internal enum MfaDeviceType
{
    Virtual,
    Hardware,
    SecurityKey,
}

/// <summary>An MFA device: a virtual one exists on its own and may be unassigned; the others only assigned.</summary>
internal sealed class MfaDevice
{
    public required string SerialNumber { get; init; }

    public required MfaDeviceType Type { get; init; }

    /// <summary>The RFC 6238 seed in base32; none for security keys.</summary>
    public string? Base32Seed { get; init; }

    public DateTime? EnableDate { get; set; }

    public IamUser? User { get; set; }

    public bool IsRootDevice { get; set; }

    public List<Tag> Tags { get; } = [];

    public bool IsAssigned => User is not null || IsRootDevice;
}

/// <summary>The account's root user: its own MFA devices, access keys and sign-in time.</summary>
internal sealed class RootUser
{
    public DateTime? PasswordLastUsed { get; init; }

    public List<MfaDevice> MfaDevices { get; } = [];

    public List<AccessKey> AccessKeys { get; } = [];
}

/// <summary>Temporary credentials issued by GetSessionToken.</summary>
internal sealed class SessionCredentials
{
    public required string AccessKeyId { get; init; }

    public required string Secret { get; init; }

    public required string Token { get; init; }

    public required DateTime Expiration { get; init; }

    /// <summary>The user, or null for the root user.</summary>
    public IamUser? User { get; init; }

    public bool MfaPresent { get; init; }
}
