using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Decides one condition against a request, as AWS documents it: several values of a key are OR (NOR for negated
/// operators); a key missing from the request makes the condition false, except for negated operators (true),
/// <c>...IfExists</c> (true), <c>Null</c>, and <c>ForAllValues:</c> (true, the empty set).
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html.
/// </summary>
internal static class ConditionEvaluator
{
    public static Outcome Evaluate(PolicyCondition condition, RequestContext request, bool variablesEnabled)
    {
        ConditionOperator? op = ConditionOperator.TryParse(condition.Operator);
        if (op is null)
        {
            return Outcome.Unknown($"the condition operator {condition.Operator} is not one this evaluator knows");
        }

        ContextValue context = request.Lookup(condition.Key);
        if (op.Family == OperatorFamily.Null)
        {
            return EvaluateNull(condition, context);
        }

        if (context.IsUnknown)
        {
            return Outcome.Unknown($"{condition.Operator} on {condition.Key} depends on a value of the request "
                + "that is not known offline");
        }

        if (context.IsAbsent)
        {
            return EvaluateAbsent(op, condition);
        }

        if (op.Qualifier == SetQualifier.None && context.Values.Count > 1)
        {
            return Outcome.Unknown($"{condition.Key} has several values in this request; {condition.Operator} "
                + "without ForAnyValue: or ForAllValues: is not defined for a multivalued key");
        }

        var perValue = context.Values.Select(value => MatchesAnyPolicyValue(op, condition, value, request,
            variablesEnabled)).Select(match => op.Negated ? match.Not() : match).ToList();

        return op.Qualifier switch
        {
            SetQualifier.ForAllValues => Outcome.And(perValue),
            SetQualifier.ForAnyValue => Outcome.Or(perValue),
            _ => perValue[0],
        };
    }

    private static Outcome EvaluateAbsent(ConditionOperator op, PolicyCondition condition)
    {
        if (op.Qualifier == SetQualifier.ForAllValues)
        {
            return Outcome.True;
        }

        if (op.Qualifier == SetQualifier.ForAnyValue)
        {
            return op.IfExists
                ? Outcome.Unknown($"AWS does not document {condition.Operator} for a missing key {condition.Key}")
                : Outcome.False;
        }

        return Outcome.Of(op.IfExists || op.Negated);
    }

    private static Outcome EvaluateNull(PolicyCondition condition, ContextValue context)
    {
        var outcomes = new List<Outcome>();
        foreach (string value in condition.Values)
        {
            if (!bool.TryParse(value, out bool expectAbsent))
            {
                return Outcome.Unknown($"Null on {condition.Key} takes true or false, not '{value}'");
            }

            // A key whose value is unknown is still present in the request.
            outcomes.Add(Outcome.Of(expectAbsent == context.IsAbsent));
        }

        return Outcome.Or(outcomes);
    }

    private static Outcome MatchesAnyPolicyValue(ConditionOperator op, PolicyCondition condition, string value,
        RequestContext request, bool variablesEnabled)
    {
        var outcomes = new List<Outcome>();
        foreach (string policyValue in condition.Values)
        {
            if (!op.TakesVariables)
            {
                outcomes.Add(Compare(op, condition, value, GlobPattern.Literal(policyValue)));
                continue;
            }

            bool wildcards = op.Family is OperatorFamily.StringLike or OperatorFamily.Arn;
            Substitution substituted = PolicyVariables.Substitute(policyValue, request, variablesEnabled, wildcards);
            if (substituted.UnknownReason is not null)
            {
                outcomes.Add(Outcome.Unknown(substituted.UnknownReason));
            }
            else if (substituted.Pattern is null)
            {
                outcomes.Add(op.Negated
                    ? Outcome.Unknown($"the policy variable ${{{substituted.UnresolvedVariable}}} has no value, "
                        + $"and AWS does not document how {condition.Operator} treats that")
                    : Outcome.False);
            }
            else
            {
                outcomes.Add(Compare(op, condition, value, substituted.Pattern));
            }
        }

        return Outcome.Or(outcomes);
    }

    private static Outcome Compare(ConditionOperator op, PolicyCondition condition, string value, GlobPattern policy)
    {
        switch (op.Family)
        {
            case OperatorFamily.String:
                return Outcome.Of(string.Equals(value, policy.Text, StringComparison.Ordinal));
            case OperatorFamily.StringIgnoreCase:
                return Outcome.Of(string.Equals(value, policy.Text, StringComparison.OrdinalIgnoreCase));
            case OperatorFamily.StringLike:
                return Outcome.Of(policy.IsMatch(value));
            case OperatorFamily.Bool:
                return Outcome.Of(string.Equals(value, policy.Text, StringComparison.OrdinalIgnoreCase));
            case OperatorFamily.Numeric:
                return CompareNumbers(op, condition, value, policy.Text);
            case OperatorFamily.Date:
                return CompareDates(op, condition, value, policy.Text);
            case OperatorFamily.Binary:
                return Outcome.Of(BinaryEquals(value, policy.Text));
            case OperatorFamily.IpAddress:
                return MatchIpAddress(condition, value, policy.Text);
            case OperatorFamily.Arn:
                return Outcome.Of(MatchArn(value, policy));
            default:
                return Outcome.Unknown($"the operator {condition.Operator} has no comparison here");
        }
    }

    private static Outcome CompareNumbers(ConditionOperator op, PolicyCondition condition, string value,
        string policyValue)
    {
        if (!TryParseNumber(policyValue, out double limit))
        {
            return Outcome.Unknown($"{condition.Operator} on {condition.Key} has '{policyValue}', not a number");
        }

        return TryParseNumber(value, out double number)
            ? Outcome.Of(Satisfies(op.Comparison, number.CompareTo(limit)))
            : Outcome.False;
    }

    private static Outcome CompareDates(ConditionOperator op, PolicyCondition condition, string value,
        string policyValue)
    {
        if (!TryParseDate(policyValue, out DateTimeOffset limit))
        {
            return Outcome.Unknown($"{condition.Operator} on {condition.Key} has '{policyValue}', not a date");
        }

        return TryParseDate(value, out DateTimeOffset date)
            ? Outcome.Of(Satisfies(op.Comparison, date.CompareTo(limit)))
            : Outcome.False;
    }

    private static bool Satisfies(Comparison comparison, int sign)
    {
        return comparison switch
        {
            Comparison.Equal => sign == 0,
            Comparison.LessThan => sign < 0,
            Comparison.LessThanOrEqual => sign <= 0,
            Comparison.GreaterThan => sign > 0,
            _ => sign >= 0,
        };
    }

    private static bool TryParseNumber(string text, out double number)
    {
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && !double.IsNaN(number) && !double.IsInfinity(number);
    }

    /// <summary>Dates are ISO 8601 (UTC unless an offset is given) or seconds since the Unix epoch.</summary>
    private static bool TryParseDate(string text, out DateTimeOffset date)
    {
        string trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsDigit)
            && long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            && seconds <= 253402300799)
        {
            date = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out date);
    }

    private static bool BinaryEquals(string value, string policyValue)
    {
        byte[]? left = TryDecodeBase64(value);
        byte[]? right = TryDecodeBase64(policyValue);
        return left is not null && right is not null
            ? left.SequenceEqual(right)
            : string.Equals(value, policyValue, StringComparison.Ordinal);
    }

    private static byte[]? TryDecodeBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Outcome MatchIpAddress(PolicyCondition condition, string value, string policyValue)
    {
        if (!TryParseNetwork(policyValue, out byte[] network, out int prefix))
        {
            return Outcome.Unknown($"{condition.Operator} on {condition.Key} has '{policyValue}', "
                + "not an IP address or CIDR block");
        }

        if (!IPAddress.TryParse(value.Trim(), out IPAddress? address))
        {
            return Outcome.False;
        }

        byte[] bytes = address.AddressFamily == AddressFamily.InterNetworkV6 && network.Length == 4
            && address.IsIPv4MappedToIPv6 ? address.MapToIPv4().GetAddressBytes() : address.GetAddressBytes();
        if (bytes.Length != network.Length)
        {
            return Outcome.False;
        }

        for (int bit = 0; bit < prefix; bit++)
        {
            int mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask))
            {
                return Outcome.False;
            }
        }

        return Outcome.True;
    }

    private static bool TryParseNetwork(string text, out byte[] network, out int prefix)
    {
        network = Array.Empty<byte>();
        prefix = 0;
        string[] parts = text.Trim().Split('/');
        if (parts.Length > 2 || !IPAddress.TryParse(parts[0], out IPAddress? address))
        {
            return false;
        }

        network = address.GetAddressBytes();
        prefix = network.Length * 8;
        if (parts.Length == 2)
        {
            return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
                && prefix <= network.Length * 8;
        }

        return true;
    }

    /// <summary>
    /// ARNs are compared segment by segment (partition, service, region, account, resource), each with
    /// wildcards and case-sensitive; see the ARN operators in the condition operator reference.
    /// </summary>
    private static bool MatchArn(string value, GlobPattern policy)
    {
        string[] actual = value.Split(new[] { ':' }, 6);
        if (actual.Length != 6 || actual[0] != "arn")
        {
            return false;
        }

        // Segment the pattern on its literal colons so a wildcard never crosses one.
        string text = policy.Text;
        var segments = new List<GlobPattern>();
        int start = 0;
        for (int i = 0; i <= text.Length && segments.Count < 5; i++)
        {
            if (i == text.Length || text[i] == ':')
            {
                segments.Add(policy.Slice(start, i - start));
                start = i + 1;
            }
        }

        if (segments.Count != 5 || start > text.Length)
        {
            return false;
        }

        segments.Add(policy.Slice(start, text.Length - start));
        for (int i = 0; i < 6; i++)
        {
            if (!segments[i].IsMatch(actual[i]))
            {
                return false;
            }
        }

        return true;
    }
}
