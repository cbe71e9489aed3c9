using System;
using System.Collections.Generic;

namespace MfaEnforcement.Core.Policy;

/// <summary>What the generated enforcement policy allows and how strictly it enforces MFA.</summary>
public sealed class EnforcementPolicyOptions
{
    /// <summary>The shortest maximum session age: GetSessionToken's shortest session, 15 minutes.</summary>
    public static readonly TimeSpan MinimumSessionAge = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest maximum session age: GetSessionToken's longest session, 36 hours.
    /// See https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html.
    /// </summary>
    public static readonly TimeSpan MaximumSessionAge = TimeSpan.FromHours(36);

    /// <summary>
    /// When set, a session whose MFA sign-in is older than this is treated as one without MFA (a Deny with
    /// <c>NumericGreaterThan</c> on <c>aws:MultiFactorAuthAge</c>). Whole seconds, 15 minutes to 36 hours.
    /// </summary>
    public TimeSpan? MaxSessionAge { get; set; }

    /// <summary>
    /// Allow <c>iam:ChangePassword</c> and <c>iam:GetAccountPasswordPolicy</c> without MFA, so a user whose
    /// password must be reset at first sign-in is not locked out. Off by default: it is a weaker policy.
    /// </summary>
    public bool AllowPasswordChange { get; set; }

    /// <summary>
    /// Let users manage their own access keys, SSH public keys, signing certificates and service-specific (git)
    /// credentials once signed in with MFA.
    /// </summary>
    public bool AllowSelfServiceCredentials { get; set; }

    /// <summary>
    /// A tag key (for example <c>mfa-exempt</c>); principals carrying it with the value <c>true</c> (exactly) are
    /// not denied. Null for no exemption.
    /// </summary>
    public string? ExemptionTag { get; set; }

    /// <summary>
    /// Further actions (<c>service:Action</c>, wildcards <c>*</c> and <c>?</c> in the action name) that are not
    /// denied without MFA.
    /// </summary>
    public IList<string> AdditionalAllowedActions { get; set; } = new List<string>();

    /// <summary>The AWS partition of the ARNs: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...</summary>
    public string Partition { get; set; } = "aws";
}
