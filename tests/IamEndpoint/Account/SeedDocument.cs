using System.Text.Json;
using System.Text.Json.Serialization;

namespace IamEndpoint.Account;

// The seed file's shape. tests/IamEndpoint/README.md documents every field with an example; keep the two in step.

internal sealed record SeedDocument
{
    public string AccountId { get; set; } = "123456789012";

    public string Partition { get; set; } = "aws";

    public DateTime? AccountCreateDate { get; set; }

    /// <summary>A user name or "root"; "admin" when that user exists, otherwise root.</summary>
    public string? DefaultCaller { get; set; }

    public SeedRoot Root { get; set; } = new();

    public List<SeedUser> Users { get; set; } = [];

    public List<SeedGroup> Groups { get; set; } = [];

    public List<SeedPolicy> Policies { get; set; } = [];

    public List<SeedPolicy> AwsManagedPolicies { get; set; } = [];

    public List<SeedVirtualDevice> VirtualMfaDevices { get; set; } = [];
}

internal sealed record SeedRoot
{
    /// <summary>none, virtual or hardware.</summary>
    public string Mfa { get; set; } = "none";

    public string? MfaSerialNumber { get; set; }

    public string? MfaSeed { get; set; }

    public DateTime? MfaEnableDate { get; set; }

    public DateTime? PasswordLastUsed { get; set; }

    public List<SeedAccessKey> AccessKeys { get; set; } = [];
}

internal sealed record SeedUser
{
    public required string Name { get; set; }

    public string Path { get; set; } = "/";

    public string? Id { get; set; }

    public DateTime? CreateDate { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>true, false, or an object with createDate and passwordResetRequired.</summary>
    [JsonConverter(typeof(SeedLoginProfileConverter))]
    public SeedLoginProfile? LoginProfile { get; set; }

    public DateTime? PasswordLastUsed { get; set; }

    public List<SeedAccessKey> AccessKeys { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    public List<string> AttachedPolicies { get; set; } = [];

    public Dictionary<string, JsonElement> InlinePolicies { get; set; } = [];

    public List<SeedMfaDevice> MfaDevices { get; set; } = [];
}

internal sealed record SeedLoginProfile
{
    public DateTime? CreateDate { get; set; }

    public bool PasswordResetRequired { get; set; }
}

internal sealed record SeedAccessKey
{
    public required string Id { get; set; }

    public string? Secret { get; set; }

    public string Status { get; set; } = "Active";

    public DateTime? CreateDate { get; set; }

    public SeedLastUsed? LastUsed { get; set; }
}

internal sealed record SeedLastUsed
{
    public required DateTime Date { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Service { get; set; } = "iam";
}

internal sealed record SeedMfaDevice
{
    /// <summary>virtual, hardware or securityKey.</summary>
    public required string Type { get; set; }

    public string? Name { get; set; }

    public string Path { get; set; } = "/";

    public string? SerialNumber { get; set; }

    public string? Seed { get; set; }

    public string? KeyId { get; set; }

    public DateTime? EnableDate { get; set; }
}

internal sealed record SeedGroup
{
    public required string Name { get; set; }

    public string Path { get; set; } = "/";

    public string? Id { get; set; }

    public DateTime? CreateDate { get; set; }

    public List<string> AttachedPolicies { get; set; } = [];

    public Dictionary<string, JsonElement> InlinePolicies { get; set; } = [];
}

internal sealed record SeedPolicy
{
    public required string Name { get; set; }

    public string Path { get; set; } = "/";

    public string? Id { get; set; }

    public string? Description { get; set; }

    public DateTime? CreateDate { get; set; }

    public DateTime? UpdateDate { get; set; }

    /// <summary>Shorthand for a policy with one version.</summary>
    public JsonElement? Document { get; set; }

    public List<SeedPolicyVersion> Versions { get; set; } = [];

    /// <summary>The default version's id; the last version when not given.</summary>
    public string? DefaultVersion { get; set; }

    public Dictionary<string, string> Tags { get; set; } = [];
}

internal sealed record SeedPolicyVersion
{
    public string? Id { get; set; }

    public required JsonElement Document { get; set; }

    public DateTime? CreateDate { get; set; }
}

internal sealed record SeedVirtualDevice
{
    public required string Name { get; set; }

    public string Path { get; set; } = "/";

    public string? Seed { get; set; }
}

/// <summary>Reads <c>"loginProfile": true</c> as a login profile with defaults and <c>false</c> as none.</summary>
internal sealed class SeedLoginProfileConverter : JsonConverter<SeedLoginProfile?>
{
    public override SeedLoginProfile? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.True => new SeedLoginProfile(),
            JsonTokenType.False or JsonTokenType.Null => null,
            _ => JsonSerializer.Deserialize(ref reader, SeedJsonContext.Default.SeedLoginProfile),
        };
    }

    public override void Write(Utf8JsonWriter writer, SeedLoginProfile? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Seeds are only read.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SeedDocument))]
[JsonSerializable(typeof(SeedLoginProfile))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
