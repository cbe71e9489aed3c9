using System.Runtime.CompilerServices;
using IamEndpoint.Protocol;
using MfaEnforcement.Core.Policy;

namespace IamEndpoint.Operations.Simulation;

/// <summary>
/// Answers SimulatePrincipalPolicy with the module's own offline evaluator (MfaEnforcement.Core.Policy), so the
/// endpoint and the module decide alike. Evaluation logic:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
/// </summary>
internal sealed class CorePolicySimulator : IPolicySimulator
{
    /// <summary>Documents parsed once per stored text (the account keeps one string per document).</summary>
    private readonly ConditionalWeakTable<string, PolicyDocument> _parsed = [];

    public SimulationDecision Evaluate(SimulationRequest request)
    {
        var named = new List<NamedPolicy>(request.Policies.Count);
        var sources = new Dictionary<string, SimulationPolicy>(StringComparer.Ordinal);
        foreach (SimulationPolicy policy in request.Policies)
        {
            // The evaluator reports statements by policy name, which two sources may share (a group's inline
            // policy and a user's, say): a per-request unique name maps each back to its source.
            string name = $"{sources.Count}:{policy.SourcePolicyId}";
            named.Add(new NamedPolicy(name, Parse(policy)));
            sources.Add(name, policy);
        }

        RequestContext context = ContextFor(request);
        PolicyEvaluationResult result = PolicyEvaluator.Evaluate(named, context);
        string decision = result.Decision switch
        {
            PolicyDecision.Allowed => "allowed",
            PolicyDecision.ExplicitDeny => "explicitDeny",
            PolicyDecision.ImplicitDeny => "implicitDeny",
            _ => throw PolicyEvaluation($"The request cannot be decided offline: {result.Reason}"),
        };

        var statements = result.DecidingStatements.Select(statement =>
        {
            SimulationPolicy source = sources[statement.PolicyName];
            (SimulationPosition Start, SimulationPosition End)? position =
                StatementPositions.Of(source.Document, statement.Index);
            return new SimulationStatement(
                source.SourcePolicyId, source.SourcePolicyType, position?.Start, position?.End);
        }).ToList();

        return new SimulationDecision(decision, statements, MissingContextValues(named, request));
    }

    private PolicyDocument Parse(SimulationPolicy policy)
    {
        try
        {
            return _parsed.GetValue(policy.Document, PolicyDocument.Parse);
        }
        catch (PolicyFormatException e)
        {
            throw PolicyEvaluation($"Policy {policy.SourcePolicyId} cannot be evaluated: {e.Message}");
        }
    }

    private static RequestContext ContextFor(SimulationRequest request)
    {
        var context = new RequestContext(request.Action, request.Resource)
        {
            UserName = request.Principal.UserName,
            UserId = request.Principal.UserId,
            AccountId = request.Principal.AccountId,
        };
        foreach (SimulationContextEntry entry in request.Context)
        {
            context.WithKey(entry.Key, [.. entry.Values]);
        }

        return context;
    }

    /// <summary>
    /// Condition keys of the statements that apply to the action which the request neither supplied nor could
    /// derive from the principal, as IAM lists them in MissingContextValues.
    /// </summary>
    private static List<string> MissingContextValues(List<NamedPolicy> policies, SimulationRequest request)
    {
        var supplied = new HashSet<string>(request.Context.Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
        if (request.Principal.UserName is not null)
        {
            supplied.UnionWith(["aws:username", "aws:userid"]);
        }

        supplied.Add("aws:PrincipalAccount");
        return policies
            .SelectMany(p => p.Document.Statements)
            .Where(s => s.UsesNotAction
                ? !s.NotActions.Any(a => PolicyEvaluator.ActionMatches(a, request.Action))
                : s.Actions.Any(a => PolicyEvaluator.ActionMatches(a, request.Action)))
            .SelectMany(s => s.Conditions.Select(c => c.Key))
            .Where(key => !supplied.Contains(key))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(key => key, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>IAM's own error for a policy its simulator cannot evaluate.</summary>
    private static ServiceException PolicyEvaluation(string message) => new("PolicyEvaluation", 500, message, false);
}
