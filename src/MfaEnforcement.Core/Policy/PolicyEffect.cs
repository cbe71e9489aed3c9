namespace MfaEnforcement.Core.Policy;

/// <summary>
/// The effect of a policy statement.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html.
/// </summary>
public enum PolicyEffect
{
    /// <summary>The statement allows what it matches.</summary>
    Allow,

    /// <summary>The statement denies what it matches; a matching deny always wins.</summary>
    Deny,
}
