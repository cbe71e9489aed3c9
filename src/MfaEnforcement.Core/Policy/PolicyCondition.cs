using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// One key of a statement's <c>Condition</c> block: the operator as written (for example
/// <c>BoolIfExists</c> or <c>ForAnyValue:StringLike</c>), the condition key, and the values it is compared with.
/// Several values of one key are alternatives (OR; NOR for negated operators).
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html.
/// </summary>
public sealed class PolicyCondition
{
    /// <summary>Creates a condition. Values are kept as text; JSON booleans and numbers become their text.</summary>
    public PolicyCondition(string @operator, string key, IEnumerable<string> values)
    {
        if (string.IsNullOrWhiteSpace(@operator))
        {
            throw new ArgumentException("A condition needs an operator such as StringEquals.", nameof(@operator));
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A condition needs a condition key such as aws:MultiFactorAuthPresent.",
                nameof(key));
        }

        string[] list = (values ?? throw new ArgumentNullException(nameof(values))).ToArray();
        if (list.Length == 0 || list.Any(v => v is null))
        {
            throw new ArgumentException($"The condition {@operator} on {key} needs at least one value and no null.",
                nameof(values));
        }

        Operator = @operator;
        Key = key;
        Values = list;
    }

    /// <summary>Creates a condition with the given values.</summary>
    public PolicyCondition(string @operator, string key, params string[] values)
        : this(@operator, key, (IEnumerable<string>)values)
    {
    }

    /// <summary>The operator exactly as written, including any <c>ForAnyValue:</c> or <c>IfExists</c>.</summary>
    public string Operator { get; }

    /// <summary>The condition key; IAM compares condition keys without regard to case.</summary>
    public string Key { get; }

    /// <summary>The values, at least one.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether this condition tests <paramref name="key"/> (compared without regard to case).</summary>
    public bool IsOnKey(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Operator} {Key} = {(Values.Count == 1 ? Values[0] : "[" + string.Join(", ", Values) + "]")}";
}
