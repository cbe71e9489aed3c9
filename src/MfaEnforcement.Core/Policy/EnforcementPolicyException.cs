using System;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// The options for the enforcement policy are contradictory or invalid, or the policy would exceed IAM's size
/// quota. <see cref="ArgumentException.ParamName"/> names the option; the message says what to change.
/// </summary>
public sealed class EnforcementPolicyException : ArgumentException
{
    /// <summary>Creates the exception for the option <paramref name="optionName"/>.</summary>
    public EnforcementPolicyException(string message, string optionName)
        : base(message, optionName)
    {
    }
}
