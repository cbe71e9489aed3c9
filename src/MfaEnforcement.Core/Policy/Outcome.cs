using System.Collections.Generic;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Three-valued truth for the evaluator: true, false, or unknown with the reason it cannot be decided offline.
/// Unknown never becomes a guess: <c>false AND unknown</c> is false, <c>true OR unknown</c> is true, and
/// everything else that touches an unknown stays unknown.
/// </summary>
internal readonly struct Outcome
{
    private Outcome(bool? value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    public static Outcome True { get; } = new(true, null);

    public static Outcome False { get; } = new(false, null);

    public bool? Value { get; }

    public string? Reason { get; }

    public bool IsTrue => Value == true;

    public bool IsFalse => Value == false;

    public bool IsUnknown => Value is null;

    public static Outcome Unknown(string reason) => new(null, reason);

    public static Outcome Of(bool value) => value ? True : False;

    public Outcome Not() => IsUnknown ? this : Of(!IsTrue);

    public static Outcome And(IEnumerable<Outcome> outcomes)
    {
        Outcome? unknown = null;
        foreach (Outcome outcome in outcomes)
        {
            if (outcome.IsFalse)
            {
                return False;
            }

            if (outcome.IsUnknown && unknown is null)
            {
                unknown = outcome;
            }
        }

        return unknown ?? True;
    }

    public static Outcome Or(IEnumerable<Outcome> outcomes)
    {
        Outcome? unknown = null;
        foreach (Outcome outcome in outcomes)
        {
            if (outcome.IsTrue)
            {
                return True;
            }

            if (outcome.IsUnknown && unknown is null)
            {
                unknown = outcome;
            }
        }

        return unknown ?? False;
    }

    public override string ToString() => IsUnknown ? $"unknown ({Reason})" : IsTrue ? "true" : "false";
}
