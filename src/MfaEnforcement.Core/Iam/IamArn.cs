namespace MfaEnforcement.Core.Iam;

/// <summary>
/// Reads the parts of an ARN, <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>. See
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html.
/// </summary>
public static class IamArn
{
    /// <summary>The partition part.</summary>
    public const int PartitionIndex = 1;

    /// <summary>The service part.</summary>
    public const int ServiceIndex = 2;

    /// <summary>The account part.</summary>
    public const int AccountIndex = 4;

    /// <summary>The resource part, such as <c>user/path/name</c> (it may itself hold colons).</summary>
    public const int ResourceIndex = 5;

    /// <summary>The <paramref name="index"/>th part of an ARN, or null when the text is not an ARN.</summary>
    public static string? Part(string? arn, int index)
    {
        var parts = (arn ?? string.Empty).Split(new[] { ':' }, 6);
        return parts.Length == 6 && parts[0] == "arn" ? parts[index] : null;
    }

    /// <summary>The partition of an ARN, <c>aws</c> when it cannot be read.</summary>
    public static string Partition(string? arn) =>
        Part(arn, PartitionIndex) is { Length: > 0 } partition ? partition : "aws";
}
