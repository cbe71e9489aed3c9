using System.Text.Json;

namespace IamEndpoint.Account;

/// <summary>An AWS-managed policy as AwsManagedPolicies.json ships it, with its default document.</summary>
internal sealed record AwsManagedPolicyData(
    string Name,
    string Path,
    string VersionId,
    DateTime CreateDate,
    DateTime UpdateDate,
    string Document);

/// <summary>
/// The AWS-managed policies every account has here, with the documents AWS publishes for them
/// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html), read once per process.
/// </summary>
internal static class AwsManagedPolicies
{
    private static readonly Lazy<IReadOnlyList<AwsManagedPolicyData>> s_all = new(Load);

    public static IReadOnlyList<AwsManagedPolicyData> All => s_all.Value;

    private static IReadOnlyList<AwsManagedPolicyData> Load()
    {
        using Stream stream = typeof(AwsManagedPolicies).Assembly.GetManifestResourceStream("AwsManagedPolicies.json")
            ?? throw new InvalidOperationException("AwsManagedPolicies.json is not embedded in the assembly.");
        using JsonDocument json = JsonDocument.Parse(stream);

        var policies = new List<AwsManagedPolicyData>();
        foreach (JsonElement item in json.RootElement.EnumerateArray())
        {
            policies.Add(new AwsManagedPolicyData(
                item.GetProperty("name").GetString()!,
                item.GetProperty("path").GetString()!,
                item.GetProperty("defaultVersionId").GetString()!,
                item.GetProperty("createDate").GetDateTime().ToUniversalTime(),
                item.GetProperty("updateDate").GetDateTime().ToUniversalTime(),
                SeedLoader.DocumentText(item.GetProperty("document"))));
        }

        return policies;
    }
}
