using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace MfaEnforcement.Core.Iam;

/// <summary>Account-wide reads: authorization details, the summary and the credential report.</summary>
public sealed partial class IamClient
{
    /// <inheritdoc />
    public Task<AuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(
        AuthorizationDetailsFilter filter, string? marker, int maxItems, CancellationToken ct)
    {
        var names = new List<string>();
        if (filter.HasFlag(AuthorizationDetailsFilter.User))
        {
            names.Add("User");
        }

        if (filter.HasFlag(AuthorizationDetailsFilter.Group))
        {
            names.Add("Group");
        }

        if (filter.HasFlag(AuthorizationDetailsFilter.LocalManagedPolicy))
        {
            names.Add("LocalManagedPolicy");
        }

        if (filter.HasFlag(AuthorizationDetailsFilter.AwsManagedPolicy))
        {
            names.Add("AWSManagedPolicy");
        }

        return CallAsync(
            "GetAccountAuthorizationDetails",
            new QueryParameters().AddList("Filter", names).Paging(marker, maxItems),
            ReadAuthorizationDetails,
            ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct) =>
        CallAsync<IReadOnlyDictionary<string, int>>(
            "GetAccountSummary",
            new QueryParameters(),
            r => r.Child("SummaryMap")!.Elements()
                .ToDictionary(
                    e => e.Text("key"),
                    e => int.Parse(e.Text("value"), NumberStyles.Integer, CultureInfo.InvariantCulture),
                    StringComparer.Ordinal),
            ct);

    /// <inheritdoc />
    public Task<CredentialReportState> GenerateCredentialReportAsync(CancellationToken ct) =>
        CallAsync(
            "GenerateCredentialReport",
            new QueryParameters(),
            r => r.Text("State") switch
            {
                "STARTED" => CredentialReportState.Started,
                "INPROGRESS" => CredentialReportState.InProgress,
                "COMPLETE" => CredentialReportState.Complete,
                var other => throw new FormatException($"Unknown credential report state '{other}'."),
            },
            ct);

    /// <inheritdoc />
    public Task<CredentialReportContent> GetCredentialReportAsync(CancellationToken ct) =>
        CallAsync(
            "GetCredentialReport",
            new QueryParameters(),
            r => new CredentialReportContent(Convert.FromBase64String(r.Text("Content")), r.Date("GeneratedTime")),
            ct);

    private static AuthorizationDetailsPage ReadAuthorizationDetails(XElement result)
    {
        var users = result.Members("UserDetailList")
            .Select(u => new UserAuthorizationDetail(
                IamXml.ReadUser(u),
                u.Members("GroupList").Select(g => g.Value).ToList(),
                u.Members("AttachedManagedPolicies").Select(IamXml.ReadAttachedPolicy).ToList(),
                u.Members("UserPolicyList").Select(IamXml.ReadInlinePolicy).ToList()))
            .ToList();

        var groups = result.Members("GroupDetailList")
            .Select(g => new GroupAuthorizationDetail(
                IamXml.ReadGroup(g),
                g.Members("AttachedManagedPolicies").Select(IamXml.ReadAttachedPolicy).ToList(),
                g.Members("GroupPolicyList").Select(IamXml.ReadInlinePolicy).ToList()))
            .ToList();

        var policies = result.Members("Policies")
            .Select(p => new PolicyAuthorizationDetail(
                IamXml.ReadPolicy(p),
                p.Members("PolicyVersionList").Select(IamXml.ReadPolicyVersion).ToList()))
            .ToList();

        return new AuthorizationDetailsPage(users, groups, policies, result.NextMarker());
    }
}
