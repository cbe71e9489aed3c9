using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Runs the probes of <see cref="EnforcementTester"/> through IAM's policy simulator instead of the offline
/// evaluator: per sign-in state, one SimulatePrincipalPolicy request for each resource the probes name, with the
/// state's MFA keys as context entries. IAM's answers become the rows, and <see cref="EnforcementTester"/> judges
/// them as it judges its own. The analysis of the user's policies (exceptions, exemption tag, maximum age) still
/// comes from the documents, since the simulator does not give it.
/// See https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html.
/// </summary>
public static class OnlineEnforcementProbe
{
    /// <summary>The error a simulation the endpoint cannot decide is answered with (the local test endpoint).</summary>
    private const string UndecidableError = "PolicyEvaluation";

    /// <summary>The request keys passed to the simulator, with their context key types; IAM fills the rest.</summary>
    private static readonly Dictionary<string, string> s_contextKeyTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws:MultiFactorAuthPresent"] = "boolean",
        ["aws:MultiFactorAuthAge"] = "numeric",
        ["aws:SecureTransport"] = "boolean",
    };

    /// <summary>
    /// Tests <paramref name="principal"/>, whose policies are <paramref name="policies"/>, with IAM's simulator.
    /// </summary>
    /// <exception cref="IamException">
    /// A simulation failed; <see cref="IsUnavailable"/> tells a simulator that is missing or denied.
    /// </exception>
    public static async Task<EnforcementTestResult> TestAsync(IIamClient client, ProbePrincipal principal,
        IReadOnlyList<AppliedPolicy> policies, IEnumerable<string>? extraActions, Action<string>? log,
        CancellationToken ct, DateTimeOffset? now = null)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (principal is null)
        {
            throw new ArgumentNullException(nameof(principal));
        }

        if (policies is null)
        {
            throw new ArgumentNullException(nameof(policies));
        }

        PrincipalEnforcement analysis = EnforcementAnalyzer.AnalyzePrincipal(policies, principal);
        IReadOnlyList<EnforcementProbe> probes = EnforcementProbe.Defaults(principal, extraActions);
        DateTimeOffset at = now ?? DateTimeOffset.UtcNow;
        var results = new Dictionary<(SignInState, string, string), PolicyEvaluationResult>();
        foreach (SignInState state in (SignInState[])Enum.GetValues(typeof(SignInState)))
        {
            IReadOnlyList<SimulationContextEntry> context = ContextFor(state, principal, analysis.MaxSessionAge, at);
            foreach (var group in probes.GroupBy(p => p.Resource, StringComparer.Ordinal))
            {
                var actions = group.Select(p => p.Action).ToList();
                log?.Invoke($"Calling SimulatePrincipalPolicy for '{principal.UserArn}' ({state}): "
                    + $"{actions.Count} actions on '{group.Key}'.");
                foreach (var result in await SimulateAsync(client, principal.UserArn, actions, group.Key, context,
                    policies, ct).ConfigureAwait(false))
                {
                    results[(state, result.Key, group.Key)] = result.Value;
                }
            }
        }

        var rows = new List<EnforcementTestRow>();
        foreach (EnforcementProbe probe in probes)
        {
            foreach (SignInState state in (SignInState[])Enum.GetValues(typeof(SignInState)))
            {
                PolicyEvaluationResult result = results.TryGetValue(
                    (state, Key(probe.Action), probe.Resource), out PolicyEvaluationResult? found)
                    ? found
                    : new PolicyEvaluationResult(PolicyDecision.CannotEvaluate, Array.Empty<StatementReference>(),
                        $"IAM's policy simulator returned no result for {probe}");
                rows.Add(new EnforcementTestRow(probe, state, result));
            }
        }

        return EnforcementTester.Judge(rows, analysis, principal, policies);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says the simulator cannot be used here: the caller may not call
    /// SimulatePrincipalPolicy, or the endpoint does not know the action.
    /// </summary>
    public static bool IsUnavailable(IamException exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        return exception.ErrorCode is "AccessDenied" or "AccessDeniedException" or "InvalidAction"
            or "UnknownOperationException" or "NotImplemented"
            || exception.StatusCode == HttpStatusCode.NotImplemented;
    }

    /// <summary>
    /// The context entries of <paramref name="state"/>: the MFA keys of the offline request for that state, so both
    /// ways decide the same request. A call signed with a long-term access key carries neither MFA key.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html.
    /// </summary>
    internal static IReadOnlyList<SimulationContextEntry> ContextFor(SignInState state, ProbePrincipal principal,
        TimeSpan? maxSessionAge, DateTimeOffset now)
    {
        RequestContext request = EnforcementProbe.BuildRequest("sts:GetCallerIdentity", "*", state, principal,
            maxSessionAge, now);
        var entries = new List<SimulationContextEntry>();
        foreach (KeyValuePair<string, IReadOnlyList<string>> key in request.Keys.OrderBy(k => k.Key,
            StringComparer.Ordinal))
        {
            if (s_contextKeyTypes.TryGetValue(key.Key, out string? type))
            {
                entries.Add(new SimulationContextEntry(key.Key, type, key.Value));
            }
            else if (key.Key.StartsWith("aws:PrincipalTag/", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(new SimulationContextEntry(key.Key, "string", key.Value));
            }
        }

        return entries;
    }

    /// <summary>One resource's simulation, every page followed, keyed by <see cref="Key"/>.</summary>
    private static async Task<Dictionary<string, PolicyEvaluationResult>> SimulateAsync(IIamClient client,
        string userArn, IReadOnlyList<string> actions, string resource,
        IReadOnlyList<SimulationContextEntry> context, IReadOnlyList<AppliedPolicy> policies, CancellationToken ct)
    {
        var results = new Dictionary<string, PolicyEvaluationResult>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            Page<SimulationResult> page;
            try
            {
                page = await client.SimulatePrincipalPolicyAsync(userArn, actions, new[] { resource }, context,
                    marker, IamPaging.MaxPageSize, ct).ConfigureAwait(false);
            }
            catch (IamException e) when (e.ErrorCode == UndecidableError)
            {
                // The simulator could not decide this request; the verdict says so rather than guessing.
                var undecided = new PolicyEvaluationResult(PolicyDecision.CannotEvaluate,
                    Array.Empty<StatementReference>(), e.Message.TrimEnd('.'));
                return actions.ToDictionary(Key, _ => undecided, StringComparer.Ordinal);
            }

            // One resource a request, so every result is for it, whatever name IAM gives the resource.
            foreach (SimulationResult result in page.Items)
            {
                results[Key(result.ActionName)] = ToResult(result, policies);
            }

            marker = page.Marker;
        }
        while (marker is not null);

        return results;
    }

    private static PolicyEvaluationResult ToResult(SimulationResult result, IReadOnlyList<AppliedPolicy> policies)
    {
        PolicyDecision? decision = result.Decision switch
        {
            "allowed" => PolicyDecision.Allowed,
            "explicitDeny" => PolicyDecision.ExplicitDeny,
            "implicitDeny" => PolicyDecision.ImplicitDeny,
            _ => null,
        };
        if (decision is not PolicyDecision known)
        {
            return new PolicyEvaluationResult(PolicyDecision.CannotEvaluate, Array.Empty<StatementReference>(),
                $"IAM's policy simulator answered '{result.Decision}', which this module does not know");
        }

        if (known == PolicyDecision.ImplicitDeny)
        {
            return new PolicyEvaluationResult(known, Array.Empty<StatementReference>());
        }

        PolicyEffect effect = known == PolicyDecision.ExplicitDeny ? PolicyEffect.Deny : PolicyEffect.Allow;
        IEnumerable<StatementReference> statements = result.MatchedStatementSources
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(s => Statements(s, effect, result.ActionName, policies))
            .ToList();
        return new PolicyEvaluationResult(known, statements);
    }

    /// <summary>
    /// The statements of the policy IAM names that could have matched <paramref name="action"/> with
    /// <paramref name="effect"/>: IAM gives the policy and the statement's text position, not its Sid, so the
    /// statement is found by its effect and actions. A policy this module did not read is named with index 0.
    /// </summary>
    private static IEnumerable<StatementReference> Statements(string sourcePolicyId, PolicyEffect effect,
        string action, IReadOnlyList<AppliedPolicy> policies)
    {
        var found = policies
            .Where(p => string.Equals(p.Name, sourcePolicyId, StringComparison.Ordinal))
            .SelectMany(p => p.Document.Statements.Select((statement, index) => (Statement: statement, Index: index)))
            .Where(s => s.Statement.Effect == effect && NamesAction(s.Statement, action))
            .Select(s => new StatementReference(sourcePolicyId, s.Index, s.Statement.Sid, effect))
            .ToList();
        return found.Count > 0 ? found : new[] { new StatementReference(sourcePolicyId, 0, null, effect) };
    }

    private static bool NamesAction(PolicyStatement statement, string action) => statement.UsesNotAction
        ? !statement.NotActions.Any(pattern => PolicyEvaluator.ActionMatches(pattern, action))
        : statement.Actions.Any(pattern => PolicyEvaluator.ActionMatches(pattern, action));

    /// <summary>Results are keyed by action in upper case: IAM's action names ignore case.</summary>
    private static string Key(string action) => action.ToUpperInvariant();
}
