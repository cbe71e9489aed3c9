using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Policy;

/// <summary>A write that publishing the enforcement policy needs.</summary>
public enum PolicyWriteKind
{
    /// <summary>CreatePolicy: the policy does not exist yet.</summary>
    CreatePolicy,

    /// <summary>DeletePolicyVersion: the policy keeps five versions, the most IAM allows.</summary>
    DeletePolicyVersion,

    /// <summary>CreatePolicyVersion, set as the default: the default version's document differs.</summary>
    CreatePolicyVersion,
}

/// <summary>What publishing did, or would do.</summary>
public enum PolicyPublishStatus
{
    /// <summary>The policy was created.</summary>
    Created,

    /// <summary>A new default version was added.</summary>
    Updated,

    /// <summary>The default version already had the same document; nothing was written.</summary>
    Unchanged,
}

/// <summary>One write of a <see cref="PolicyPublishPlan"/>, described for a confirmation prompt.</summary>
public sealed class PolicyWrite
{
    internal PolicyWrite(PolicyWriteKind kind, string target, string action, string? versionId = null)
    {
        Kind = kind;
        Target = target;
        Action = action;
        VersionId = versionId;
    }

    /// <summary>What kind of write.</summary>
    public PolicyWriteKind Kind { get; }

    /// <summary>The policy's ARN, or its name and path before it exists.</summary>
    public string Target { get; }

    /// <summary>The write in words, such as <c>Delete policy version v1</c>.</summary>
    public string Action { get; }

    /// <summary>The version to delete, for <see cref="PolicyWriteKind.DeletePolicyVersion"/>.</summary>
    public string? VersionId { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Action} on {Target}";
}

/// <summary>
/// What <see cref="PolicyPublisher.PlanAsync"/> found and the writes that would bring IAM to the new document,
/// in order; empty when IAM already holds it. The caller confirms the writes, then calls
/// <see cref="PolicyPublisher.ApplyAsync"/>.
/// </summary>
public sealed class PolicyPublishPlan
{
    internal PolicyPublishPlan(string policyName, string path, string? description, PolicyDocument document,
        ManagedPolicyInfo? existing, IReadOnlyList<PolicyWrite> writes)
    {
        PolicyName = policyName;
        Path = path;
        Description = description;
        Document = document;
        Existing = existing;
        Writes = writes;
    }

    /// <summary>The policy's name (the existing policy's spelling when it exists).</summary>
    public string PolicyName { get; }

    /// <summary>The policy's path.</summary>
    public string Path { get; }

    /// <summary>The description for a new policy; IAM keeps an existing policy's description.</summary>
    public string? Description { get; }

    /// <summary>The document to publish, built for the caller's partition.</summary>
    public PolicyDocument Document { get; }

    /// <summary>The policy as IAM has it, or null when it does not exist.</summary>
    public ManagedPolicyInfo? Existing { get; }

    /// <summary>The writes, in the order they must happen.</summary>
    public IReadOnlyList<PolicyWrite> Writes { get; }

    /// <summary>Whether IAM already holds the document as the default version.</summary>
    public bool IsUnchanged => Writes.Count == 0;
}

/// <summary>The policy after publishing, and what was done.</summary>
public sealed class PolicyPublishResult
{
    internal PolicyPublishResult(ManagedPolicyInfo policy, PolicyPublishStatus status, PolicyDocument document)
    {
        Policy = policy;
        Status = status;
        Document = document;
    }

    /// <summary>The policy, with its default version after publishing.</summary>
    public ManagedPolicyInfo Policy { get; }

    /// <summary>What was done.</summary>
    public PolicyPublishStatus Status { get; }

    /// <summary>The default version's document.</summary>
    public PolicyDocument Document { get; }
}

/// <summary>
/// Creates or updates the customer-managed enforcement policy in two steps, so that a caller can confirm each
/// write in between: <see cref="PlanAsync"/> only reads, <see cref="ApplyAsync"/> writes. An update adds a version
/// and makes it the default, first deleting the oldest non-default version when the policy has the five IAM keeps.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html.
/// </summary>
public sealed class PolicyPublisher
{
    /// <summary>The most versions a managed policy keeps.</summary>
    public const int MaxVersions = 5;

    private static readonly Regex s_policyName = new(@"^[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant);

    private readonly IIamClient _client;
    private readonly Action<string>? _log;

    /// <summary>Creates a publisher over <paramref name="client"/>; <paramref name="log"/> hears each call.</summary>
    public PolicyPublisher(IIamClient client, Action<string>? log = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _log = log;
    }

    /// <summary>Why <paramref name="name"/> cannot be a managed policy's name, or null when it can.</summary>
    public static string? CheckPolicyName(string name) => s_policyName.IsMatch(name ?? string.Empty)
        ? null
        : $"'{name}' is not a valid policy name; use 1 to 128 letters, digits or + = , . @ _ - (for example "
            + "MfaEnforcement).";

    /// <summary>Why <paramref name="path"/> cannot be a policy's path, or null when it can.</summary>
    public static string? CheckPath(string path) => IamNames.CheckPath(path, "/security/");

    /// <summary>
    /// Finds the policy (GetPolicy on the ARN in the caller's account, then ListPolicies when it lives under
    /// another path), builds the document for the caller's partition, and works out the writes. Sends no write.
    /// </summary>
    /// <exception cref="EnforcementPolicyException">An option is invalid.</exception>
    /// <exception cref="IamException">A read failed.</exception>
    public async Task<PolicyPublishPlan> PlanAsync(string policyName, string? path, string? description,
        EnforcementPolicyOptions options, CancellationToken ct)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _log?.Invoke("Calling GetCallerIdentity for the account and partition.");
        CallerIdentity caller = await _client.GetCallerIdentityAsync(ct).ConfigureAwait(false);
        string partition = IamArn.Partition(caller.Arn);
        PolicyDocument document = EnforcementPolicyBuilder.Build(ForPartition(options, partition));

        ManagedPolicyInfo? existing = await FindAsync(policyName, path, caller.Account, partition, ct)
            .ConfigureAwait(false);
        if (existing is null)
        {
            string newPath = path ?? "/";
            var create = new PolicyWrite(PolicyWriteKind.CreatePolicy, $"{newPath}{policyName}",
                "Create the customer-managed policy");
            return new PolicyPublishPlan(policyName, newPath, description, document, null, new[] { create });
        }

        _log?.Invoke($"Calling GetPolicyVersion for {existing.Arn} version {existing.DefaultVersionId}.");
        PolicyVersionInfo current = await _client.GetPolicyVersionAsync(existing.Arn, existing.DefaultVersionId, ct)
            .ConfigureAwait(false);
        if (IsSameDocument(current.Document, document))
        {
            return new PolicyPublishPlan(existing.PolicyName, existing.Path, description, document, existing,
                Array.Empty<PolicyWrite>());
        }

        var writes = new List<PolicyWrite>();
        _log?.Invoke($"Calling ListPolicyVersions for {existing.Arn}.");
        List<PolicyVersionInfo> versions = await IamPaging.ReadAllAsync(
            m => _client.ListPolicyVersionsAsync(existing.Arn, m, IamPaging.MaxPageSize, ct)).ConfigureAwait(false);
        if (versions.Count >= MaxVersions)
        {
            PolicyVersionInfo oldest = versions.Where(v => !v.IsDefaultVersion)
                .OrderBy(v => v.CreateDate).ThenBy(v => VersionNumber(v.VersionId)).First();
            writes.Add(new PolicyWrite(PolicyWriteKind.DeletePolicyVersion, existing.Arn,
                $"Delete policy version {oldest.VersionId}, the oldest of {versions.Count}", oldest.VersionId));
        }

        writes.Add(new PolicyWrite(PolicyWriteKind.CreatePolicyVersion, existing.Arn,
            $"Create a policy version and make it the default in place of {existing.DefaultVersionId}"));
        return new PolicyPublishPlan(existing.PolicyName, existing.Path, description, document, existing, writes);
    }

    /// <summary>Sends the plan's writes in order and returns the policy as it then stands.</summary>
    /// <exception cref="IamException">A write failed; the writes before it stay done.</exception>
    public async Task<PolicyPublishResult> ApplyAsync(PolicyPublishPlan plan, CancellationToken ct)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (plan.Existing is not null && plan.IsUnchanged)
        {
            return new PolicyPublishResult(plan.Existing, PolicyPublishStatus.Unchanged, plan.Document);
        }

        string json = plan.Document.ToJson();
        ManagedPolicyInfo? policy = plan.Existing;
        PolicyPublishStatus status = PolicyPublishStatus.Updated;
        foreach (PolicyWrite write in plan.Writes)
        {
            switch (write.Kind)
            {
                case PolicyWriteKind.CreatePolicy:
                    _log?.Invoke($"Calling CreatePolicy for '{plan.PolicyName}' at path '{plan.Path}'.");
                    policy = await _client.CreatePolicyAsync(plan.PolicyName, plan.Path, json, plan.Description, ct)
                        .ConfigureAwait(false);
                    status = PolicyPublishStatus.Created;
                    break;
                case PolicyWriteKind.DeletePolicyVersion:
                    _log?.Invoke($"Calling DeletePolicyVersion for {write.Target} version {write.VersionId}.");
                    await _client.DeletePolicyVersionAsync(write.Target, write.VersionId!, ct).ConfigureAwait(false);
                    break;
                case PolicyWriteKind.CreatePolicyVersion:
                    _log?.Invoke($"Calling CreatePolicyVersion for {write.Target}, set as default.");
                    PolicyVersionInfo version = await _client.CreatePolicyVersionAsync(write.Target, json, true, ct)
                        .ConfigureAwait(false);
                    policy = policy! with { DefaultVersionId = version.VersionId };
                    break;
            }
        }

        return new PolicyPublishResult(policy!, status, plan.Document);
    }

    /// <summary>
    /// Whether IAM's document says the same as <paramref name="document"/>: both are read and written the same
    /// way, so whitespace, element order and single values written as arrays do not count.
    /// </summary>
    public static bool IsSameDocument(string? stored, PolicyDocument document)
    {
        if (stored is null || document is null)
        {
            return false;
        }

        try
        {
            return PolicyDocument.Parse(stored).ToJson(indented: false) == document.ToJson(indented: false);
        }
        catch (PolicyFormatException)
        {
            return false;
        }
    }

    private async Task<ManagedPolicyInfo?> FindAsync(string policyName, string? path, string account,
        string partition, CancellationToken ct)
    {
        string arn = $"arn:{partition}:iam::{account}:policy{path ?? "/"}{policyName}";
        try
        {
            _log?.Invoke($"Calling GetPolicy for {arn}.");
            return await _client.GetPolicyAsync(arn, ct).ConfigureAwait(false);
        }
        catch (IamException e) when (e.IsNotFound)
        {
            // Policy names are unique in an account whatever the path, so one under another path is the same policy.
            _log?.Invoke("Not found there; calling ListPolicies (Scope Local) for the same name under another path.");
            List<ManagedPolicyInfo> local = await IamPaging.ReadAllAsync(m => _client.ListPoliciesAsync(
                PolicyScope.Local, false, null, m, IamPaging.MaxPageSize, ct)).ConfigureAwait(false);
            ManagedPolicyInfo? found = local.FirstOrDefault(
                p => string.Equals(p.PolicyName, policyName, StringComparison.OrdinalIgnoreCase));
            if (found is not null && path is not null && found.Path != path)
            {
                _log?.Invoke($"The policy '{found.PolicyName}' exists at path '{found.Path}', not '{path}'; "
                    + "updating it there, since IAM cannot move a policy.");
            }

            return found;
        }
    }

    private static EnforcementPolicyOptions ForPartition(EnforcementPolicyOptions options, string partition) => new()
    {
        MaxSessionAge = options.MaxSessionAge,
        AllowPasswordChange = options.AllowPasswordChange,
        AllowSelfServiceCredentials = options.AllowSelfServiceCredentials,
        ExemptionTag = options.ExemptionTag,
        AdditionalAllowedActions = new List<string>(options.AdditionalAllowedActions ?? new List<string>()),
        Partition = partition,
    };

    private static int VersionNumber(string versionId) =>
        int.TryParse(versionId.TrimStart('v', 'V').Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture,
            out int number) ? number : int.MaxValue;
}
