using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// The policy documents of one audit: managed policies by ARN, from GetAccountAuthorizationDetails or fetched once
/// with GetPolicy and GetPolicyVersion, and every document parsed once however many users share it.
/// </summary>
internal sealed class PolicyLibrary
{
    private readonly AuditSession _session;
    private readonly ConcurrentDictionary<string, Lazy<Task<ParsedPolicy>>> _managed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ParsedPolicy> _parsed = new(StringComparer.Ordinal);
    private int _nextId;

    public PolicyLibrary(AuditSession session)
    {
        _session = session;
    }

    /// <summary>Records a managed policy's default document, as the bulk read found it.</summary>
    public void AddManaged(string arn, string document) =>
        _managed.TryAdd(arn, new Lazy<Task<ParsedPolicy>>(() => Task.FromResult(Parse(document))));

    /// <summary>Whether the managed policy's document is known without a request.</summary>
    public bool HasManaged(string arn) => _managed.ContainsKey(arn);

    /// <summary>A managed policy's default document, fetched and parsed at most once per audit.</summary>
    public Task<ParsedPolicy> GetManagedAsync(string arn, CancellationToken ct) =>
        _managed.GetOrAdd(arn, key => new Lazy<Task<ParsedPolicy>>(() => FetchAsync(key, ct))).Value;

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

    private async Task<ParsedPolicy> FetchAsync(string arn, CancellationToken ct)
    {
        _session.Log($"Calling GetPolicy for '{arn}' to find its default version.");
        var policy = await _session.LimitedAsync(() => _session.Client.GetPolicyAsync(arn, ct), ct)
            .ConfigureAwait(false);
        _session.Log($"Calling GetPolicyVersion for '{arn}' version {policy.DefaultVersionId}.");
        var version = await _session.LimitedAsync(
            () => _session.Client.GetPolicyVersionAsync(arn, policy.DefaultVersionId, ct), ct).ConfigureAwait(false);
        return Parse(version.Document ?? throw new IamException(
            "GetPolicyVersion",
            IamException.InvalidResponse,
            $"IAM returned version {policy.DefaultVersionId} of {arn} without its document; run the command again."));
    }
}

/// <summary>A parsed policy document, or the reason it could not be read, with an id unique in the audit.</summary>
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

    public string? Error { get; }

    /// <summary>What the document alone does about MFA, read once.</summary>
    public PolicyEnforcement? Enforcement =>
        Document is null ? null : _enforcement ??= EnforcementAnalyzer.Analyze(Document);
}
