using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Reads policies for what they do about MFA: whether a document enforces it with a broad Deny (the only form that
/// holds whatever else is allowed), its maximum session age and exemption tag, and whether it instead relies on
/// Allows that require MFA, which other Allows bypass because allows add up.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html.
/// </summary>
public static partial class EnforcementAnalyzer
{
    private const string PresentKey = "aws:MultiFactorAuthPresent";
    private const string AgeKey = "aws:MultiFactorAuthAge";
    private const string PrincipalTagPrefix = "aws:PrincipalTag/";

    /// <summary>Actions an enforcing deny may let through without weakening it: enrollment and self-service.</summary>
    private static readonly HashSet<string> s_selfService = new(
        MfaActions.Enrollment.Concat(MfaActions.PasswordChange).Concat(MfaActions.SelfServiceCredentials)
            .Concat(new[] { "iam:GetAccountSummary", "iam:GetLoginProfile", "iam:ListUsers" }),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Analyzes one document; <paramref name="policyName"/> is used in the findings.</summary>
    public static PolicyEnforcement Analyze(PolicyDocument document, string policyName = "policy")
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var state = new DocumentState();
        for (int index = 0; index < document.Statements.Count; index++)
        {
            PolicyStatement statement = document.Statements[index];
            var reference = new StatementReference(policyName, index, statement.Sid, statement.Effect);
            if (statement.Effect == PolicyEffect.Deny)
            {
                AnalyzeDeny(statement, reference, state);
            }
            else
            {
                AnalyzeAllow(statement, reference, state);
            }
        }

        if (state.Level != MfaEnforcementLevel.Full)
        {
            foreach (StatementReference allow in state.MfaAllows)
            {
                state.Findings.Add($"{Describe(allow)} allows only with MFA; that enforces nothing when any other "
                    + "policy of the user allows the same actions without MFA, because allows add up.");
            }
        }

        return new PolicyEnforcement(state.Level, state.Enforcing, state.MaxAge, state.ExemptionTag,
            state.AllowedWithoutMfa, state.MfaAllows, state.Findings);
    }

    private static void AnalyzeDeny(PolicyStatement statement, StatementReference reference, DocumentState state)
    {
        MfaEnforcementLevel? gate = null;
        TimeSpan? ageLimit = null;
        string? exemption = null;
        var others = new List<PolicyCondition>();
        foreach (PolicyCondition condition in statement.Conditions)
        {
            ConditionOperator? op = ConditionOperator.TryParse(condition.Operator);
            if (op is null || op.Qualifier != SetQualifier.None)
            {
                others.Add(condition);
            }
            else if (condition.IsOnKey(PresentKey) && op.Family == OperatorFamily.Bool && AllValues(condition, "false"))
            {
                gate = Weakest(gate, op.IfExists ? MfaEnforcementLevel.Full : MfaEnforcementLevel.ConsoleOnly);
            }
            else if (condition.IsOnKey(AgeKey) && op.Family == OperatorFamily.Null && AllValues(condition, "true"))
            {
                gate = Weakest(gate, MfaEnforcementLevel.Full);
            }
            else if (condition.IsOnKey(AgeKey) && op.Family == OperatorFamily.Numeric && !op.Negated
                && op.Comparison is Comparison.GreaterThan or Comparison.GreaterThanOrEqual
                && TryParseSeconds(condition, out TimeSpan limit))
            {
                ageLimit = limit;
                if (op.IfExists)
                {
                    gate = Weakest(gate, MfaEnforcementLevel.Full);
                }
            }
            else if (condition.Key.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase) && op.Negated
                && op.Family is OperatorFamily.String or OperatorFamily.StringIgnoreCase or OperatorFamily.StringLike)
            {
                exemption = condition.Key.Substring(PrincipalTagPrefix.Length);
            }
            else
            {
                others.Add(condition);
            }
        }

        if (gate is null && ageLimit is null)
        {
            return;
        }

        if (!IsBroad(statement, reference, others, state))
        {
            return;
        }

        if (ageLimit is TimeSpan age && (state.MaxAge is null || age < state.MaxAge))
        {
            state.MaxAge = age;
        }

        if (gate is not MfaEnforcementLevel level)
        {
            return;
        }

        if (level == MfaEnforcementLevel.ConsoleOnly)
        {
            state.Findings.Add($"{Describe(reference)} denies under Bool {PresentKey} false; calls signed with "
                + "long-term access keys carry no such key, so access keys bypass it. Use BoolIfExists instead.");
        }

        string[] leaked = statement.NotActions.Where(a => !s_selfService.Contains(a)).ToArray();
        if (leaked.Length > 0)
        {
            state.Findings.Add($"{Describe(reference)} also lets these actions through without MFA: "
                + $"{string.Join(", ", leaked)}.");
        }

        if (level > state.Level)
        {
            state.Level = level;
            state.Enforcing = reference;
            state.AllowedWithoutMfa = statement.NotActions;
            state.ExemptionTag = exemption;
        }
    }

    /// <summary>A deny counts only if it covers every resource and sensitive action, with no other condition.</summary>
    private static bool IsBroad(PolicyStatement statement, StatementReference reference,
        List<PolicyCondition> others, DocumentState state)
    {
        if (others.Count > 0)
        {
            state.Findings.Add($"{Describe(reference)} denies without MFA only when "
                + $"{string.Join(" and ", others)} too, so it is not counted as enforcing MFA.");
            return false;
        }

        if (statement.UsesNotResource || !statement.Resources.Contains("*"))
        {
            state.Findings.Add($"{Describe(reference)} denies without MFA only on some resources "
                + $"({string.Join(", ", statement.UsesNotResource ? statement.NotResources : statement.Resources)}), "
                + "so it is not counted as enforcing MFA; use Resource \"*\".");
            return false;
        }

        string[] escaping = MfaActions.Sensitive.Where(action => statement.UsesNotAction
            ? statement.NotActions.Any(p => PolicyEvaluator.ActionMatches(p, action))
            : !statement.Actions.Any(p => PolicyEvaluator.ActionMatches(p, action))).ToArray();
        if (escaping.Length > 0)
        {
            state.Findings.Add($"{Describe(reference)} does not deny {string.Join(", ", escaping)} without MFA, "
                + "so it is not counted as enforcing MFA.");
            return false;
        }

        return true;
    }

    private static void AnalyzeAllow(PolicyStatement statement, StatementReference reference, DocumentState state)
    {
        bool requiresMfa = false;
        foreach (PolicyCondition condition in statement.Conditions)
        {
            ConditionOperator? op = ConditionOperator.TryParse(condition.Operator);
            if (op is null || op.Qualifier != SetQualifier.None)
            {
                continue;
            }

            if (condition.IsOnKey(PresentKey) && op.Family == OperatorFamily.Bool && AllValues(condition, "true"))
            {
                requiresMfa = true;
                if (op.IfExists)
                {
                    state.Findings.Add($"{Describe(reference)} allows under BoolIfExists {PresentKey} true, which "
                        + "also matches calls signed with long-term access keys, where the key is absent.");
                }
            }
            else if (condition.IsOnKey(AgeKey) && ((op.Family == OperatorFamily.Null && AllValues(condition, "false"))
                || (op.Family == OperatorFamily.Numeric && !op.IfExists
                    && op.Comparison is Comparison.LessThan or Comparison.LessThanOrEqual)))
            {
                requiresMfa = true;
            }
        }

        if (requiresMfa)
        {
            state.MfaAllows.Add(reference);
        }
    }

    private static MfaEnforcementLevel Weakest(MfaEnforcementLevel? current, MfaEnforcementLevel next) =>
        current is MfaEnforcementLevel level && level < next ? level : next;

    private static bool AllValues(PolicyCondition condition, string expected) =>
        condition.Values.All(v => string.Equals(v.Trim(), expected, StringComparison.OrdinalIgnoreCase));

    private static bool TryParseSeconds(PolicyCondition condition, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        if (condition.Values.Count != 1
            || !double.TryParse(condition.Values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double s)
            || s < 0 || s > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        age = TimeSpan.FromSeconds(Math.Floor(s));
        return true;
    }

    private static string Describe(StatementReference reference) => reference.Sid is null
        ? $"Statement {reference.Index} of policy {reference.PolicyName}"
        : $"Statement {reference.Sid} of policy {reference.PolicyName}";

    private sealed class DocumentState
    {
        public MfaEnforcementLevel Level { get; set; }

        public StatementReference? Enforcing { get; set; }

        public TimeSpan? MaxAge { get; set; }

        public string? ExemptionTag { get; set; }

        public IReadOnlyList<string> AllowedWithoutMfa { get; set; } = Array.Empty<string>();

        public List<StatementReference> MfaAllows { get; } = new();

        public List<string> Findings { get; } = new();
    }
}
