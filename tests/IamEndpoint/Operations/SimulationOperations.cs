using IamEndpoint.Account;
using IamEndpoint.Operations.Simulation;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// SimulatePrincipalPolicy's request and response:
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html. The decision itself comes
/// from <see cref="IPolicySimulator"/>.
/// </summary>
internal static class SimulationOperations
{
    private static readonly string[] s_contextKeyTypes =
    [
        "string", "stringList", "numeric", "numericList", "boolean", "booleanList",
        "ip", "ipList", "binary", "binaryList", "date", "dateList",
    ];

    public static void Register(OperationTable table) => table.Iam("SimulatePrincipalPolicy", SimulatePrincipalPolicy);

    private static void SimulatePrincipalPolicy(OperationContext context)
    {
        QueryParameters request = context.Request;
        string source = Rules.PolicyArn(request.Required("PolicySourceArn"), "PolicySourceArn");
        IReadOnlyList<string> actions = request.List("ActionNames");
        if (actions.Count == 0)
        {
            throw Errors.Constraint("ActionNames", null, "not be null");
        }

        foreach (string action in actions)
        {
            if (action.IndexOf(':', StringComparison.Ordinal) <= 0)
            {
                throw Errors.InvalidInput($"Action {action} is not of the form service:Action, e.g. iam:CreateUser.");
            }
        }

        IReadOnlyList<string> resources = request.List("ResourceArns") is { Count: > 0 } given ? given : ["*"];
        IReadOnlyList<SimulationContextEntry> entries = ContextEntries(request);
        var page = PageRequest.From(request);
        (SimulationPrincipal principal, List<SimulationPolicy> policies) = PoliciesOf(context.Account, source);
        policies.AddRange(request.List("PolicyInputList").Select((document, i) =>
        {
            PolicyDocuments.Validate(document);
            return new SimulationPolicy($"PolicyInputList.{i + 1}", "none", document);
        }));

        // Marker keys are the pair's position, fixed by the request itself, so they survive concurrent changes.
        var pairs = actions.SelectMany(a => resources.Select(r => (Action: a, Resource: r)))
            .Select((pair, i) => (Key: i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), pair));
        Page<(string Key, (string Action, string Resource) Pair)> results = Paging.Take(pairs, p => p.Key, page);

        XmlResult r = context.Result;
        var decisions = results.Items
            .Select(item => (item.Pair, Decision: context.Simulator.Evaluate(
                new SimulationRequest(principal, policies, item.Pair.Action, item.Pair.Resource, entries))))
            .ToList();
        r.List("EvaluationResults", decisions, result =>
        {
            r.Value("EvalActionName", result.Pair.Action);
            r.Value("EvalResourceName", result.Pair.Resource);
            r.Value("EvalDecision", result.Decision.Decision);
            r.List("MatchedStatements", result.Decision.MatchedStatements, statement => Statement(r, statement));
            r.StringList("MissingContextValues", result.Decision.MissingContextValues);
        });
        r.PageEnd(results);
    }

    private static void Statement(XmlResult r, SimulationStatement statement)
    {
        r.Value("SourcePolicyId", statement.SourcePolicyId);
        r.Value("SourcePolicyType", statement.SourcePolicyType);
        foreach ((string name, SimulationPosition? position) in
            new[] { ("StartPosition", statement.Start), ("EndPosition", statement.End) })
        {
            if (position is not null)
            {
                r.Structure(name, () =>
                {
                    r.Value("Line", position.Line);
                    r.Value("Column", position.Column);
                });
            }
        }
    }

    private static IReadOnlyList<SimulationContextEntry> ContextEntries(QueryParameters request)
    {
        var entries = new List<SimulationContextEntry>();
        foreach (QueryParameters entry in request.StructureList("ContextEntries"))
        {
            string key = entry.Required("ContextKeyName");
            string type = entry.Required("ContextKeyType");
            if (!s_contextKeyTypes.Contains(type))
            {
                throw Errors.Constraint(
                    "ContextKeyType", type, $"satisfy enum value set: [{string.Join(", ", s_contextKeyTypes)}]");
            }

            entries.Add(new SimulationContextEntry(key, type, entry.List("ContextKeyValues")));
        }

        return entries;
    }

    /// <summary>The policies of a user (its own and its groups') or of a group, as IAM simulates them.</summary>
    private static (SimulationPrincipal Principal, List<SimulationPolicy> Policies) PoliciesOf(
        AccountState account, string arn)
    {
        IamUser? user = account.Users.From(null).FirstOrDefault(u => u.Arn == arn);
        IamGroup? group = user is null ? account.Groups.From(null).FirstOrDefault(g => g.Arn == arn) : null;
        if (user is null && group is null)
        {
            throw Errors.NoSuchEntity($"The user or group with ARN {arn} cannot be found.");
        }

        var policies = new List<SimulationPolicy>();
        if (user is not null)
        {
            policies.AddRange(user.InlinePolicies.Select(p => new SimulationPolicy(p.Key, "user", p.Value)));
            policies.AddRange(user.AttachedPolicies.Select(Managed));
        }

        foreach (IamGroup g in user?.Groups ?? [group!])
        {
            policies.AddRange(g.InlinePolicies.Select(p => new SimulationPolicy(p.Key, "group", p.Value)));
            policies.AddRange(g.AttachedPolicies.Select(Managed));
        }

        var principal = new SimulationPrincipal(arn, account.AccountId, user?.Name, user?.Id);
        return (principal, policies);
    }

    private static SimulationPolicy Managed(ManagedPolicy policy) =>
        new(policy.Name, policy.IsAwsManaged ? "aws-managed" : "user-managed", policy.DefaultVersion.Document);
}
