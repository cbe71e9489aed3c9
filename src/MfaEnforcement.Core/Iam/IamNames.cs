using System.Linq;
using System.Text.RegularExpressions;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// IAM's naming rules, checked before any request is sent. User and group names are 1 to 64 (groups 128)
/// characters of letters, digits and <c>+=,.@_-</c>. See
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html.
/// </summary>
public static class IamNames
{
    /// <summary>The longest user name IAM accepts.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>The longest group name IAM accepts.</summary>
    public const int MaxGroupNameLength = 128;

    /// <summary>The longest path IAM accepts.</summary>
    public const int MaxPathLength = 512;

    private const string Punctuation = "+=,.@_-";

    // A path is "/" or "/segments/" of printable ASCII (IAM's own pattern for Path and PathPrefix).
    private static readonly Regex s_path = new(@"^/([\x21-\x7E]*/)?$", RegexOptions.CultureInvariant);

    /// <summary>Why a user name breaks IAM's rules, or null when it is valid.</summary>
    public static string? CheckUserName(string name) => Check(name, "user name", MaxUserNameLength, false);

    /// <summary>Why a group name breaks IAM's rules, or null when it is valid.</summary>
    public static string? CheckGroupName(string name) => Check(name, "group name", MaxGroupNameLength, false);

    /// <summary>Like <see cref="CheckUserName"/>, but the wildcards <c>*</c> <c>?</c> <c>[</c> <c>]</c> pass.</summary>
    public static string? CheckUserNamePattern(string pattern) => Check(pattern, "user name", MaxUserNameLength, true);

    /// <summary>Like <see cref="CheckGroupName"/>, but wildcards <c>*</c> <c>?</c> <c>[</c> <c>]</c> pass.</summary>
    public static string? CheckGroupNamePattern(string pattern) =>
        Check(pattern, "group name", MaxGroupNameLength, true);

    /// <summary>
    /// Why a path or path prefix of a user, group or policy breaks IAM's rules, or null when it is valid;
    /// <paramref name="example"/> shows a valid one in the message.
    /// </summary>
    public static string? CheckPath(string? path, string example = "/staff/") =>
        path is not null && path.Length <= MaxPathLength && s_path.IsMatch(path)
            ? null
            : $"'{path}' is not a valid IAM path; it must start and end with '/', for example '{example}'.";

    /// <summary>True when the text holds a PowerShell wildcard character.</summary>
    public static bool HasWildcard(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    private static string? Check(string name, string kind, int maxLength, bool allowWildcards)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"An IAM {kind} cannot be empty.";
        }

        var bad = name.Where(c => !IsAllowed(c, allowWildcards)).Distinct().ToArray();
        if (bad.Length > 0)
        {
            return $"'{name}' is not a valid IAM {kind}: '{new string(bad)}' is not allowed. Use letters, digits " +
                $"and {Punctuation} only.";
        }

        if (!(allowWildcards && HasWildcard(name)) && name.Length > maxLength)
        {
            return $"'{name}' is not a valid IAM {kind}: it has {name.Length} characters, at most {maxLength} " +
                "are allowed.";
        }

        return null;
    }

    private static bool IsAllowed(char c, bool allowWildcards) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        || Punctuation.IndexOf(c) >= 0
        || (allowWildcards && c is '*' or '?' or '[' or ']');
}
