using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// Readers for the XML shapes of the IAM API reference (https://docs.aws.amazon.com/IAM/latest/APIReference/).
/// Elements are matched by local name, so the namespace of the response does not matter.
/// </summary>
internal static class IamXml
{
    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? OptionalText(this XElement element, string name) => element.Child(name)?.Value;

    public static string Text(this XElement element, string name) =>
        element.OptionalText(name) ?? throw new FormatException(
            $"The response element '{element.Name.LocalName}' has no '{name}'.");

    public static DateTime? OptionalDate(this XElement element, string name)
    {
        var text = element.OptionalText(name);
        return string.IsNullOrEmpty(text) ? null : ParseDate(text!);
    }

    public static DateTime Date(this XElement element, string name) => ParseDate(element.Text(name));

    public static int Int(this XElement element, string name) =>
        int.Parse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static bool Bool(this XElement element, string name) =>
        string.Equals(element.OptionalText(name), "true", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<XElement> Members(this XElement element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? Enumerable.Empty<XElement>();

    /// <summary>The marker of the next page, or null when IsTruncated is false.</summary>
    public static string? NextMarker(this XElement result) =>
        result.Bool("IsTruncated") ? result.OptionalText("Marker") : null;

    /// <summary>IAM returns policy documents URL-encoded (RFC 3986).</summary>
    public static string DecodeDocument(string encoded) => Uri.UnescapeDataString(encoded);

    public static DateTime ParseDate(string text) => DateTime.Parse(
        text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static IReadOnlyDictionary<string, string> ReadTags(XElement element, string listName = "Tags")
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in element.Members(listName))
        {
            tags[tag.Text("Key")] = tag.OptionalText("Value") ?? string.Empty;
        }

        return tags;
    }

    public static IamUserInfo ReadUser(XElement user) => new(
        user.Text("UserName"),
        user.Text("UserId"),
        user.Text("Arn"),
        user.OptionalText("Path") ?? "/",
        user.Date("CreateDate"),
        user.OptionalDate("PasswordLastUsed"),
        ReadTags(user));

    public static IamGroupInfo ReadGroup(XElement group) => new(
        group.Text("GroupName"),
        group.Text("GroupId"),
        group.Text("Arn"),
        group.OptionalText("Path") ?? "/",
        group.Date("CreateDate"));

    public static ManagedPolicyInfo ReadPolicy(XElement policy) => new(
        policy.Text("PolicyName"),
        policy.Text("PolicyId"),
        policy.Text("Arn"),
        policy.OptionalText("Path") ?? "/",
        policy.OptionalText("DefaultVersionId") ?? "v1",
        int.TryParse(policy.OptionalText("AttachmentCount"), out var count) ? count : 0,
        policy.OptionalText("Description"),
        policy.Date("CreateDate"),
        policy.OptionalDate("UpdateDate") ?? policy.Date("CreateDate"));

    public static PolicyVersionInfo ReadPolicyVersion(XElement version)
    {
        var document = version.OptionalText("Document");
        return new PolicyVersionInfo(
            version.Text("VersionId"),
            version.Bool("IsDefaultVersion"),
            version.Date("CreateDate"),
            document is null ? null : DecodeDocument(document));
    }

    public static AttachedPolicyInfo ReadAttachedPolicy(XElement attached) =>
        new(attached.Text("PolicyName"), attached.Text("PolicyArn"));

    public static InlinePolicyInfo ReadInlinePolicy(XElement inline) =>
        new(inline.Text("PolicyName"), DecodeDocument(inline.Text("PolicyDocument")));
}
