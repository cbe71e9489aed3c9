using System;
using System.Collections.Generic;

namespace MfaEnforcement.Core.Policy;

/// <summary>The kinds of comparison behind IAM's condition operators.</summary>
internal enum OperatorFamily
{
    String,
    StringIgnoreCase,
    StringLike,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

/// <summary>How a numeric or date operator compares the request value with the policy value.</summary>
internal enum Comparison
{
    Equal,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>The set qualifier of an operator, for multivalued keys.</summary>
internal enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}

/// <summary>
/// A condition operator taken apart: its family, comparison, whether it is negated, its <c>IfExists</c> suffix and
/// its set qualifier. Names are matched as AWS spells them.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html.
/// </summary>
internal sealed class ConditionOperator
{
    private static readonly Dictionary<string, (OperatorFamily Family, Comparison Comparison, bool Negated)> s_base =
        new(StringComparer.Ordinal)
        {
            ["StringEquals"] = (OperatorFamily.String, Comparison.Equal, false),
            ["StringNotEquals"] = (OperatorFamily.String, Comparison.Equal, true),
            ["StringEqualsIgnoreCase"] = (OperatorFamily.StringIgnoreCase, Comparison.Equal, false),
            ["StringNotEqualsIgnoreCase"] = (OperatorFamily.StringIgnoreCase, Comparison.Equal, true),
            ["StringLike"] = (OperatorFamily.StringLike, Comparison.Equal, false),
            ["StringNotLike"] = (OperatorFamily.StringLike, Comparison.Equal, true),
            ["NumericEquals"] = (OperatorFamily.Numeric, Comparison.Equal, false),
            ["NumericNotEquals"] = (OperatorFamily.Numeric, Comparison.Equal, true),
            ["NumericLessThan"] = (OperatorFamily.Numeric, Comparison.LessThan, false),
            ["NumericLessThanEquals"] = (OperatorFamily.Numeric, Comparison.LessThanOrEqual, false),
            ["NumericGreaterThan"] = (OperatorFamily.Numeric, Comparison.GreaterThan, false),
            ["NumericGreaterThanEquals"] = (OperatorFamily.Numeric, Comparison.GreaterThanOrEqual, false),
            ["DateEquals"] = (OperatorFamily.Date, Comparison.Equal, false),
            ["DateNotEquals"] = (OperatorFamily.Date, Comparison.Equal, true),
            ["DateLessThan"] = (OperatorFamily.Date, Comparison.LessThan, false),
            ["DateLessThanEquals"] = (OperatorFamily.Date, Comparison.LessThanOrEqual, false),
            ["DateGreaterThan"] = (OperatorFamily.Date, Comparison.GreaterThan, false),
            ["DateGreaterThanEquals"] = (OperatorFamily.Date, Comparison.GreaterThanOrEqual, false),
            ["Bool"] = (OperatorFamily.Bool, Comparison.Equal, false),
            ["BinaryEquals"] = (OperatorFamily.Binary, Comparison.Equal, false),
            ["IpAddress"] = (OperatorFamily.IpAddress, Comparison.Equal, false),
            ["NotIpAddress"] = (OperatorFamily.IpAddress, Comparison.Equal, true),
            ["ArnEquals"] = (OperatorFamily.Arn, Comparison.Equal, false),
            ["ArnLike"] = (OperatorFamily.Arn, Comparison.Equal, false),
            ["ArnNotEquals"] = (OperatorFamily.Arn, Comparison.Equal, true),
            ["ArnNotLike"] = (OperatorFamily.Arn, Comparison.Equal, true),
            ["Null"] = (OperatorFamily.Null, Comparison.Equal, false),
        };

    private ConditionOperator(string name, OperatorFamily family, Comparison comparison, bool negated,
        bool ifExists, SetQualifier qualifier)
    {
        Name = name;
        Family = family;
        Comparison = comparison;
        Negated = negated;
        IfExists = ifExists;
        Qualifier = qualifier;
    }

    /// <summary>The operator as written.</summary>
    public string Name { get; }

    public OperatorFamily Family { get; }

    public Comparison Comparison { get; }

    /// <summary>A "Not" operator: its values are combined with NOR.</summary>
    public bool Negated { get; }

    /// <summary>The <c>...IfExists</c> form: true when the key is absent.</summary>
    public bool IfExists { get; }

    public SetQualifier Qualifier { get; }

    /// <summary>Whether policy variables in the values are replaced (string, ARN and Bool operators).</summary>
    public bool TakesVariables => Family is OperatorFamily.String or OperatorFamily.StringIgnoreCase
        or OperatorFamily.StringLike or OperatorFamily.Arn or OperatorFamily.Bool;

    /// <summary>Takes an operator apart; null when it is not one AWS documents.</summary>
    public static ConditionOperator? TryParse(string name)
    {
        string rest = name;
        SetQualifier qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest.Substring("ForAnyValue:".Length);
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest.Substring("ForAllValues:".Length);
        }

        bool ifExists = false;
        if (rest.EndsWith("IfExists", StringComparison.Ordinal))
        {
            ifExists = true;
            rest = rest.Substring(0, rest.Length - "IfExists".Length);
        }

        if (!s_base.TryGetValue(rest, out var entry))
        {
            return null;
        }

        if (entry.Family == OperatorFamily.Null && (ifExists || qualifier != SetQualifier.None))
        {
            return null;
        }

        return new ConditionOperator(name, entry.Family, entry.Comparison, entry.Negated, ifExists, qualifier);
    }
}
