using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Evaluates identity-based policies offline for one request, following AWS's evaluation logic for a single
/// account: a matching Deny wins over everything, a matching Allow wins over the default (implicit) deny.
/// Permissions boundaries, service control policies, session and resource-based policies are not part of this.
/// When a statement that could decide the outcome depends on something it cannot evaluate (an unknown operator,
/// an unknown request value), the result is <see cref="PolicyDecision.CannotEvaluate"/> with the reason; a
/// statement that cannot match anyway (its action or resource does not match, or another of its conditions is
/// false) does not make the result undecidable.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="policies"/> for <paramref name="request"/>.</summary>
    public static PolicyEvaluationResult Evaluate(IEnumerable<NamedPolicy> policies, RequestContext request)
    {
        if (policies is null)
        {
            throw new ArgumentNullException(nameof(policies));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var denies = new List<StatementReference>();
        var allows = new List<StatementReference>();
        var undecidedDenies = new List<(StatementReference Statement, string Reason)>();
        var undecidedAllows = new List<(StatementReference Statement, string Reason)>();
        foreach (NamedPolicy policy in policies)
        {
            for (int index = 0; index < policy.Document.Statements.Count; index++)
            {
                PolicyStatement statement = policy.Document.Statements[index];
                Outcome match = MatchStatement(policy.Document, statement, request);
                if (match.IsFalse)
                {
                    continue;
                }

                var reference = new StatementReference(policy.Name, index, statement.Sid, statement.Effect);
                bool deny = statement.Effect == PolicyEffect.Deny;
                if (match.IsTrue)
                {
                    (deny ? denies : allows).Add(reference);
                }
                else
                {
                    (deny ? undecidedDenies : undecidedAllows).Add((reference, match.Reason ?? "undecidable"));
                }
            }
        }

        if (denies.Count > 0)
        {
            return new PolicyEvaluationResult(PolicyDecision.ExplicitDeny, denies);
        }

        if (undecidedDenies.Count > 0)
        {
            return Undecided(undecidedDenies);
        }

        if (allows.Count > 0)
        {
            return new PolicyEvaluationResult(PolicyDecision.Allowed, allows);
        }

        return undecidedAllows.Count > 0
            ? Undecided(undecidedAllows)
            : new PolicyEvaluationResult(PolicyDecision.ImplicitDeny, Array.Empty<StatementReference>());
    }

    /// <summary>Evaluates one document, reported under the name <paramref name="name"/>.</summary>
    public static PolicyEvaluationResult Evaluate(PolicyDocument document, RequestContext request,
        string name = "policy")
    {
        return Evaluate(new[] { new NamedPolicy(name, document) }, request);
    }

    /// <summary>Whether an action pattern (with <c>*</c> and <c>?</c>) matches an action, ignoring case.</summary>
    public static bool ActionMatches(string pattern, string action)
    {
        return pattern == "*" || GlobPattern.Parse(pattern).IsMatch(action, ignoreCase: true);
    }

    internal static Outcome MatchStatement(PolicyDocument document, PolicyStatement statement, RequestContext request)
    {
        bool actionListed = (statement.UsesNotAction ? statement.NotActions : statement.Actions)
            .Any(pattern => ActionMatches(pattern, request.Action));
        if (actionListed == statement.UsesNotAction)
        {
            return Outcome.False;
        }

        if (statement.Principal is not null || statement.NotPrincipal is not null || !statement.HasResourceElement)
        {
            return Outcome.Unknown("the statement names a Principal, which identity-based policies do not take");
        }

        Outcome resource = MatchResource(document, statement, request);
        if (resource.IsFalse)
        {
            return resource;
        }

        Outcome conditions = Outcome.And(statement.Conditions.Select(condition =>
            ConditionEvaluator.Evaluate(condition, request, document.SupportsPolicyVariables)));
        return Outcome.And(new[] { resource, conditions });
    }

    private static Outcome MatchResource(PolicyDocument document, PolicyStatement statement, RequestContext request)
    {
        bool negated = statement.UsesNotResource;
        var outcomes = new List<Outcome>();
        foreach (string pattern in negated ? statement.NotResources : statement.Resources)
        {
            Substitution substituted = PolicyVariables.Substitute(pattern, request, document.SupportsPolicyVariables,
                wildcards: true);
            if (substituted.UnknownReason is not null)
            {
                outcomes.Add(Outcome.Unknown(substituted.UnknownReason));
            }
            else if (substituted.Pattern is null)
            {
                outcomes.Add(negated
                    ? Outcome.Unknown($"the NotResource {pattern} uses ${{{substituted.UnresolvedVariable}}}, "
                        + "which has no value in this request")
                    : Outcome.False);
            }
            else
            {
                outcomes.Add(Outcome.Of(pattern == "*"
                    || substituted.Pattern.IsMatch(request.Resource, ignoreCase: false, arnSegments: true)));
            }
        }

        Outcome listed = Outcome.Or(outcomes);
        return negated ? listed.Not() : listed;
    }

    private static PolicyEvaluationResult Undecided(List<(StatementReference Statement, string Reason)> undecided)
    {
        string reason = string.Join("; ", undecided.Select(u => $"{u.Statement}: {u.Reason}"));
        return new PolicyEvaluationResult(PolicyDecision.CannotEvaluate, undecided.Select(u => u.Statement), reason);
    }
}
