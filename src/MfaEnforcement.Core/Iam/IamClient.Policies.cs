using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Iam;

/// <summary>Managed and inline policies, attachments and the policy simulator.</summary>
public sealed partial class IamClient
{
    /// <inheritdoc />
    public Task<ManagedPolicyInfo> CreatePolicyAsync(
        string policyName, string? path, string document, string? description, CancellationToken ct) =>
        CallAsync(
            "CreatePolicy",
            new QueryParameters()
                .Add("PolicyName", policyName)
                .Add("Path", path)
                .Add("PolicyDocument", document)
                .Add("Description", description),
            r => IamXml.ReadPolicy(r.Child("Policy")!),
            ct);

    /// <inheritdoc />
    public Task<ManagedPolicyInfo> GetPolicyAsync(string policyArn, CancellationToken ct) =>
        CallAsync(
            "GetPolicy",
            new QueryParameters().Add("PolicyArn", policyArn),
            r => IamXml.ReadPolicy(r.Child("Policy")!),
            ct);

    /// <inheritdoc />
    public Task<PolicyVersionInfo> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken ct) =>
        CallAsync(
            "GetPolicyVersion",
            new QueryParameters().Add("PolicyArn", policyArn).Add("VersionId", versionId),
            r => IamXml.ReadPolicyVersion(r.Child("PolicyVersion")!),
            ct);

    /// <inheritdoc />
    public Task<Page<PolicyVersionInfo>> ListPolicyVersionsAsync(
        string policyArn, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListPolicyVersions",
            new QueryParameters().Add("PolicyArn", policyArn).Paging(marker, maxItems),
            r => new Page<PolicyVersionInfo>(
                r.Members("Versions").Select(IamXml.ReadPolicyVersion).ToList(), r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<PolicyVersionInfo> CreatePolicyVersionAsync(
        string policyArn, string document, bool setAsDefault, CancellationToken ct) =>
        CallAsync(
            "CreatePolicyVersion",
            new QueryParameters()
                .Add("PolicyArn", policyArn)
                .Add("PolicyDocument", document)
                .Add("SetAsDefault", setAsDefault),
            r => IamXml.ReadPolicyVersion(r.Child("PolicyVersion")!),
            ct);

    /// <inheritdoc />
    public Task DeletePolicyVersionAsync(string policyArn, string versionId, CancellationToken ct) =>
        CallAsync(
            "DeletePolicyVersion", new QueryParameters().Add("PolicyArn", policyArn).Add("VersionId", versionId), ct);

    /// <inheritdoc />
    public Task<Page<ManagedPolicyInfo>> ListPoliciesAsync(
        PolicyScope scope, bool onlyAttached, string? pathPrefix, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListPolicies",
            new QueryParameters()
                .Add("Scope", scope == PolicyScope.Aws ? "AWS" : scope.ToString())
                .Add("OnlyAttached", onlyAttached)
                .Add("PathPrefix", pathPrefix)
                .Paging(marker, maxItems),
            r => new Page<ManagedPolicyInfo>(r.Members("Policies").Select(IamXml.ReadPolicy).ToList(), r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<Page<PolicyEntity>> ListEntitiesForPolicyAsync(
        string policyArn, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListEntitiesForPolicy",
            new QueryParameters().Add("PolicyArn", policyArn).Paging(marker, maxItems),
            r => new Page<PolicyEntity>(
                r.Members("PolicyUsers").Select(e => new PolicyEntity(PolicyEntityKind.User, e.Text("UserName")))
                    .Concat(r.Members("PolicyGroups")
                        .Select(e => new PolicyEntity(PolicyEntityKind.Group, e.Text("GroupName"))))
                    .Concat(r.Members("PolicyRoles")
                        .Select(e => new PolicyEntity(PolicyEntityKind.Role, e.Text("RoleName"))))
                    .ToList(),
                r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task AttachUserPolicyAsync(string userName, string policyArn, CancellationToken ct) =>
        CallAsync("AttachUserPolicy", new QueryParameters().Add("UserName", userName).Add("PolicyArn", policyArn), ct);

    /// <inheritdoc />
    public Task DetachUserPolicyAsync(string userName, string policyArn, CancellationToken ct) =>
        CallAsync("DetachUserPolicy", new QueryParameters().Add("UserName", userName).Add("PolicyArn", policyArn), ct);

    /// <inheritdoc />
    public Task AttachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct) =>
        CallAsync(
            "AttachGroupPolicy", new QueryParameters().Add("GroupName", groupName).Add("PolicyArn", policyArn), ct);

    /// <inheritdoc />
    public Task DetachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct) =>
        CallAsync(
            "DetachGroupPolicy", new QueryParameters().Add("GroupName", groupName).Add("PolicyArn", policyArn), ct);

    /// <inheritdoc />
    public Task<Page<AttachedPolicyInfo>> ListAttachedUserPoliciesAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        ListAttachedAsync("ListAttachedUserPolicies", "UserName", userName, marker, maxItems, ct);

    /// <inheritdoc />
    public Task<Page<AttachedPolicyInfo>> ListAttachedGroupPoliciesAsync(
        string groupName, string? marker, int maxItems, CancellationToken ct) =>
        ListAttachedAsync("ListAttachedGroupPolicies", "GroupName", groupName, marker, maxItems, ct);

    /// <inheritdoc />
    public Task<Page<string>> ListUserPoliciesAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        ListInlineNamesAsync("ListUserPolicies", "UserName", userName, marker, maxItems, ct);

    /// <inheritdoc />
    public Task<InlinePolicyInfo> GetUserPolicyAsync(string userName, string policyName, CancellationToken ct) =>
        CallAsync(
            "GetUserPolicy",
            new QueryParameters().Add("UserName", userName).Add("PolicyName", policyName),
            IamXml.ReadInlinePolicy,
            ct);

    /// <inheritdoc />
    public Task<Page<string>> ListGroupPoliciesAsync(
        string groupName, string? marker, int maxItems, CancellationToken ct) =>
        ListInlineNamesAsync("ListGroupPolicies", "GroupName", groupName, marker, maxItems, ct);

    /// <inheritdoc />
    public Task<InlinePolicyInfo> GetGroupPolicyAsync(string groupName, string policyName, CancellationToken ct) =>
        CallAsync(
            "GetGroupPolicy",
            new QueryParameters().Add("GroupName", groupName).Add("PolicyName", policyName),
            IamXml.ReadInlinePolicy,
            ct);

    /// <inheritdoc />
    public Task<Page<SimulationResult>> SimulatePrincipalPolicyAsync(
        string policySourceArn,
        IReadOnlyList<string> actionNames,
        IReadOnlyList<string>? resourceArns,
        IReadOnlyList<SimulationContextEntry>? contextEntries,
        string? marker,
        int maxItems,
        CancellationToken ct)
    {
        var parameters = new QueryParameters()
            .Add("PolicySourceArn", policySourceArn)
            .AddList("ActionNames", actionNames)
            .AddList("ResourceArns", resourceArns);
        var index = 1;
        foreach (var entry in contextEntries ?? [])
        {
            var prefix = "ContextEntries.member." + index.ToString(CultureInfo.InvariantCulture);
            parameters
                .Add(prefix + ".ContextKeyName", entry.Key)
                .Add(prefix + ".ContextKeyType", entry.Type)
                .AddList(prefix + ".ContextKeyValues", entry.Values);
            index++;
        }

        return CallAsync(
            "SimulatePrincipalPolicy",
            parameters.Paging(marker, maxItems),
            r => new Page<SimulationResult>(
                r.Members("EvaluationResults")
                    .Select(e => new SimulationResult(
                        e.Text("EvalActionName"),
                        e.OptionalText("EvalResourceName") ?? "*",
                        e.Text("EvalDecision"),
                        e.Members("MatchedStatements").Select(s => s.OptionalText("SourcePolicyId") ?? string.Empty)
                            .ToList(),
                        e.Members("MissingContextValues").Select(v => v.Value).ToList()))
                    .ToList(),
                r.NextMarker()),
            ct);
    }

    private Task<Page<AttachedPolicyInfo>> ListAttachedAsync(
        string action, string nameParameter, string name, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            action,
            new QueryParameters().Add(nameParameter, name).Paging(marker, maxItems),
            r => new Page<AttachedPolicyInfo>(
                r.Members("AttachedPolicies").Select(IamXml.ReadAttachedPolicy).ToList(), r.NextMarker()),
            ct);

    private Task<Page<string>> ListInlineNamesAsync(
        string action, string nameParameter, string name, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            action,
            new QueryParameters().Add(nameParameter, name).Paging(marker, maxItems),
            r => new Page<string>(r.Members("PolicyNames").Select(n => n.Value).ToList(), r.NextMarker()),
            ct);
}
