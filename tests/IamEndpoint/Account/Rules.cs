using System.Text.RegularExpressions;
using IamEndpoint.Protocol;

namespace IamEndpoint.Account;

/// <summary>
/// IAM's name, path and quota rules, as the API reference states them for each parameter:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
/// </summary>
internal static partial class Rules
{
    public const int UsersPerAccount = 5000;
    public const int GroupsPerAccount = 300;
    public const int PoliciesPerAccount = 1500;
    public const int GroupsPerUser = 10;
    public const int ManagedPoliciesPerEntity = 10;
    public const int VersionsPerPolicy = 5;
    public const int ManagedPolicySize = 6144;
    public const int UserInlinePolicySize = 2048;
    public const int GroupInlinePolicySize = 5120;
    public const int AccessKeysPerUser = 2;
    public const int MfaDevicesPerUser = 8;
    public const int TagsPerEntity = 50;

    /// <summary>UserName: 1–64 characters of letters, digits and <c>+=,.@_-</c>.</summary>
    public static string UserName(string value, string parameter = "UserName") =>
        Name(value, parameter, 64);

    public static string GroupName(string value) => Name(value, "GroupName", 128);

    public static string PolicyName(string value) => Name(value, "PolicyName", 128);

    public static string VirtualMfaDeviceName(string value) => Name(value, "VirtualMFADeviceName", 226);

    /// <summary>A path: "/" or text between slashes, 1–512 characters.</summary>
    public static string Path(string? value, string parameter = "Path")
    {
        if (value is null)
        {
            return "/";
        }

        Length(value, parameter, 1, 512);
        return PathPattern().IsMatch(value)
            ? value
            : throw Errors.Constraint(parameter, value, @"satisfy regular expression pattern: (\u002F)|" +
                @"(\u002F[\u0021-\u007E]+\u002F)");
    }

    public static string? PathPrefix(string? value)
    {
        if (value is null)
        {
            return null;
        }

        Length(value, "PathPrefix", 1, 512);
        return PathPrefixPattern().IsMatch(value)
            ? value
            : throw Errors.Constraint(
                "PathPrefix", value, @"satisfy regular expression pattern: \u002F[\u0021-\u007F]*");
    }

    public static string PolicyArn(string value, string parameter = "PolicyArn")
    {
        Length(value, parameter, 20, 2048);
        return value.StartsWith("arn:", StringComparison.Ordinal)
            ? value
            : throw Errors.InvalidInput($"ARN {value} is not valid.");
    }

    public static string VersionId(string value)
    {
        return VersionIdPattern().IsMatch(value)
            ? value
            : throw Errors.Constraint(
                "VersionId", value, @"satisfy regular expression pattern: v[1-9][0-9]*(\.[A-Za-z0-9-]*)?");
    }

    public static Tag Tag(string key, string value)
    {
        Length(key, "Key", 1, 128);
        Length(value, "Value", 0, 256);
        if (!TagPattern().IsMatch(key))
        {
            throw Errors.Constraint("Key", key, @"satisfy regular expression pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+");
        }

        return new Tag(key, value);
    }

    /// <summary>Adds tags, replacing the value of a key that exists (keys compare without case, as in IAM).</summary>
    public static void MergeTags(List<Tag> tags, IEnumerable<Tag> added)
    {
        foreach (Tag tag in added)
        {
            int existing = tags.FindIndex(t => string.Equals(t.Key, tag.Key, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
            {
                tags[existing] = tag;
            }
            else
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > TagsPerEntity)
        {
            throw Errors.LimitExceeded($"The number of tags has reached the maximum limit of {TagsPerEntity}.");
        }
    }

    private static string Name(string value, string parameter, int maxLength)
    {
        Length(value, parameter, 1, maxLength);
        return NamePattern().IsMatch(value)
            ? value
            : throw Errors.Constraint(parameter, value, @"satisfy regular expression pattern: [\w+=,.@-]+");
    }

    private static void Length(string value, string parameter, int min, int max)
    {
        if (value.Length < min)
        {
            throw Errors.Constraint(parameter, value, $"have length greater than or equal to {min}");
        }

        if (value.Length > max)
        {
            throw Errors.Constraint(parameter, value, $"have length less than or equal to {max}");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(/|/[\x21-\x7E]+/)$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^/[\x21-\x7F]*$")]
    private static partial Regex PathPrefixPattern();

    [GeneratedRegex(@"^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$")]
    private static partial Regex VersionIdPattern();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$")]
    private static partial Regex TagPattern();
}
