using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// The identity policies that reach one user, assembled the same way for Get-IamMfaStatus and Test-MfaEnforcement:
/// the user's managed and inline policies, then the managed and inline policies of each of their groups, every
/// managed document found through one <see cref="PolicyDocuments"/>.
/// </summary>
internal sealed class PrincipalPolicies
{
    private PrincipalPolicies(IReadOnlyList<PolicySource> sources, IReadOnlyList<string> missingGroups)
    {
        Sources = sources;
        MissingGroups = missingGroups;
    }

    /// <summary>Every policy that reaches the user, readable or not, the user's own first.</summary>
    public IReadOnlyList<PolicySource> Sources { get; }

    /// <summary>Groups the user is in whose policies were not found, so they are missing from the sources.</summary>
    public IReadOnlyList<string> MissingGroups { get; }

    /// <summary>
    /// A user's policies: <paramref name="own"/>, then those of each group in <paramref name="groupNames"/> as
    /// <paramref name="findGroup"/> gives them (null for a group it does not know).
    /// </summary>
    public static PrincipalPolicies Of(IEnumerable<PolicySource> own, IEnumerable<string> groupNames,
        Func<string, IReadOnlyList<PolicySource>?> findGroup)
    {
        var sources = new List<PolicySource>(own);
        var missing = new List<string>();
        foreach (var groupName in groupNames)
        {
            if (findGroup(groupName) is { } groupPolicies)
            {
                sources.AddRange(groupPolicies);
            }
            else
            {
                missing.Add(groupName);
            }
        }

        return new PrincipalPolicies(sources, missing);
    }

    /// <summary>A user of GetAccountAuthorizationDetails with the policies of the groups read alongside.</summary>
    public static async Task<PrincipalPolicies> OfUserAsync(UserAuthorizationDetail user,
        IReadOnlyDictionary<string, IReadOnlyList<PolicySource>> groups, PolicyDocuments documents,
        CancellationToken ct)
    {
        var own = await ManagedAsync(user.AttachedPolicies, PolicyAttachment.Direct, null, documents, ct)
            .ConfigureAwait(false);
        return Of(own.Concat(Inline(user.InlinePolicies, PolicyAttachment.Inline, null, documents)),
            user.GroupNames, name => groups.TryGetValue(name, out var found) ? found : null);
    }

    /// <summary>Each group's managed and inline policies by group name (names ignore case, as IAM's do).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<PolicySource>>> OfGroupsAsync(
        IEnumerable<GroupAuthorizationDetail> groups, PolicyDocuments documents, CancellationToken ct)
    {
        var byName = new Dictionary<string, IReadOnlyList<PolicySource>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            var name = group.Group.GroupName;
            byName[name] = await OfGroupAsync(name, group.AttachedPolicies, group.InlinePolicies, documents, ct)
                .ConfigureAwait(false);
        }

        return byName;
    }

    /// <summary>One group's managed policies, then its inline policies.</summary>
    public static async Task<IReadOnlyList<PolicySource>> OfGroupAsync(string groupName,
        IEnumerable<AttachedPolicyInfo> attached, IEnumerable<InlinePolicyInfo> inline, PolicyDocuments documents,
        CancellationToken ct)
    {
        var managed = await ManagedAsync(attached, PolicyAttachment.Group, groupName, documents, ct)
            .ConfigureAwait(false);
        return managed.Concat(Inline(inline, PolicyAttachment.Group, groupName, documents)).ToList();
    }

    /// <summary>Managed policies with their default documents, looked up at once, in the order given.</summary>
    public static async Task<IReadOnlyList<PolicySource>> ManagedAsync(IEnumerable<AttachedPolicyInfo> attached,
        PolicyAttachment via, string? groupName, PolicyDocuments documents, CancellationToken ct)
    {
        var sources = attached.Select(async p => new PolicySource(p.PolicyName, p.PolicyArn, via, groupName,
            await documents.GetManagedAsync(p.PolicyArn, ct).ConfigureAwait(false)));
        return await Task.WhenAll(sources).ConfigureAwait(false);
    }

    /// <summary>Inline policies, whose documents come with them.</summary>
    public static IReadOnlyList<PolicySource> Inline(IEnumerable<InlinePolicyInfo> inline, PolicyAttachment via,
        string? groupName, PolicyDocuments documents) => inline
        .Select(p => new PolicySource(p.PolicyName, null, via, groupName, documents.Parse(p.Document)))
        .ToList();

    /// <summary>
    /// The policies in <paramref name="sources"/> whose documents could be read, ready for the analyzer and the
    /// tester, and apart from them those that could not, which the caller reports.
    /// </summary>
    public static AppliedPolicies Apply(IEnumerable<PolicySource> sources)
    {
        var applied = new List<AppliedPolicy>();
        var documents = new List<ParsedPolicy>();
        var unreadable = new List<PolicySource>();
        foreach (var source in sources)
        {
            if (source.Document.Document is { } document)
            {
                applied.Add(new AppliedPolicy(source.Name, document, source.Via, source.GroupName, source.Arn));
                documents.Add(source.Document);
            }
            else
            {
                unreadable.Add(source);
            }
        }

        return new AppliedPolicies(applied, documents, unreadable);
    }
}

/// <summary>The readable policies of a user as <see cref="AppliedPolicy"/> objects, and the unreadable ones.</summary>
internal sealed class AppliedPolicies
{
    public AppliedPolicies(IReadOnlyList<AppliedPolicy> policies, IReadOnlyList<ParsedPolicy> documents,
        IReadOnlyList<PolicySource> unreadable)
    {
        Policies = policies;
        Documents = documents;
        Unreadable = unreadable;
    }

    /// <summary>The policies whose documents could be read, in the order given.</summary>
    public IReadOnlyList<AppliedPolicy> Policies { get; }

    /// <summary>The parsed document of each of <see cref="Policies"/>, at the same index.</summary>
    public IReadOnlyList<ParsedPolicy> Documents { get; }

    /// <summary>The policies left out because their documents could not be read.</summary>
    public IReadOnlyList<PolicySource> Unreadable { get; }
}

/// <summary>A policy that reaches a user: its name, ARN if managed, how it reaches them, and its document.</summary>
internal sealed class PolicySource
{
    public PolicySource(string name, string? arn, PolicyAttachment via, string? groupName, ParsedPolicy document)
    {
        Name = name;
        Arn = arn;
        Via = via;
        GroupName = groupName;
        Document = document;
    }

    public string Name { get; }

    public string? Arn { get; }

    public PolicyAttachment Via { get; }

    public string? GroupName { get; }

    public ParsedPolicy Document { get; }

    /// <summary>The name with how it applies, as <see cref="AppliedPolicy.Label"/> writes it.</summary>
    public string Label => Via switch
    {
        PolicyAttachment.Group => $"{Name} (group {GroupName})",
        PolicyAttachment.Inline => $"{Name} (inline)",
        _ => Name,
    };
}

/// <summary>
/// The policy documents of one read: managed policies by ARN, as the bulk read found them or read once with
/// <c>readMissing</c>, and every document parsed once however many users share it. Safe to use from many threads.
/// </summary>
internal sealed class PolicyDocuments
{
    private readonly Func<string, CancellationToken, Task<string?>> _readMissing;
    private readonly ConcurrentDictionary<string, Lazy<Task<ParsedPolicy>>> _managed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ParsedPolicy> _parsed = new(StringComparer.Ordinal);
    private int _nextId;

    /// <summary>
    /// Creates an empty set; <paramref name="readMissing"/> reads the default document of a managed policy that
    /// was not added, or gives null when there is none to read.
    /// </summary>
    public PolicyDocuments(Func<string, CancellationToken, Task<string?>> readMissing)
    {
        _readMissing = readMissing ?? throw new ArgumentNullException(nameof(readMissing));
    }

    /// <summary>Records a managed policy's default document from the bulk read; a null one is read later.</summary>
    public void AddManaged(string arn, string? document)
    {
        if (document is not null)
        {
            _managed.TryAdd(arn, new Lazy<Task<ParsedPolicy>>(() => Task.FromResult(Parse(document))));
        }
    }

    /// <summary>A managed policy's default document, read and parsed at most once.</summary>
    public Task<ParsedPolicy> GetManagedAsync(string arn, CancellationToken ct) =>
        _managed.GetOrAdd(arn, key => new Lazy<Task<ParsedPolicy>>(() => ReadAsync(key, ct))).Value;

    /// <summary>A document parsed, or why it could not be.</summary>
    public ParsedPolicy Parse(string document) => _parsed.GetOrAdd(document, text =>
    {
        try
        {
            return new ParsedPolicy(Interlocked.Increment(ref _nextId), PolicyDocument.Parse(text), null);
        }
        catch (PolicyFormatException e)
        {
            return new ParsedPolicy(Interlocked.Increment(ref _nextId), null, e.Message);
        }
    });

    /// <summary>
    /// A managed policy's default version: GetPolicy names it, GetPolicyVersion reads it. Each call is logged to
    /// <paramref name="log"/> when given.
    /// </summary>
    /// <exception cref="IamException">A read failed, the policy not existing included.</exception>
    public static async Task<PolicyVersionInfo> ReadDefaultVersionAsync(IIamClient client, string arn,
        Action<string>? log, CancellationToken ct)
    {
        log?.Invoke($"Calling GetPolicy for '{arn}' to find its default version.");
        var policy = await client.GetPolicyAsync(arn, ct).ConfigureAwait(false);
        log?.Invoke($"Calling GetPolicyVersion for '{arn}' version {policy.DefaultVersionId}.");
        return await client.GetPolicyVersionAsync(arn, policy.DefaultVersionId, ct).ConfigureAwait(false);
    }

    private async Task<ParsedPolicy> ReadAsync(string arn, CancellationToken ct)
    {
        var document = await _readMissing(arn, ct).ConfigureAwait(false);
        return document is null ? new ParsedPolicy(Interlocked.Increment(ref _nextId), null, null) : Parse(document);
    }
}

/// <summary>
/// A parsed policy document, or the reason it could not be read (none when there was no document), with an id
/// unique among the documents of its <see cref="PolicyDocuments"/>.
/// </summary>
internal sealed class ParsedPolicy
{
    private PolicyEnforcement? _enforcement;

    public ParsedPolicy(int id, PolicyDocument? document, string? error)
    {
        Id = id;
        Document = document;
        Error = error;
    }

    public int Id { get; }

    public PolicyDocument? Document { get; }

    /// <summary>Why the document is not a policy this module can read; null if it is, or if there was none.</summary>
    public string? Error { get; }

    /// <summary>Whether there was no document to read at all.</summary>
    public bool IsMissing => Document is null && Error is null;

    /// <summary>What the document alone does about MFA, read once.</summary>
    public PolicyEnforcement? Enforcement =>
        Document is null ? null : _enforcement ??= EnforcementAnalyzer.Analyze(Document);
}
