using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>How a user is signed in when a probe is made.</summary>
public enum SignInState
{
    /// <summary>A call signed with a long-term access key: no MFA keys in the request at all.</summary>
    AccessKey,

    /// <summary>A console session without MFA: <c>aws:MultiFactorAuthPresent</c> is false.</summary>
    ConsoleNoMfa,

    /// <summary>A session that used MFA a minute ago.</summary>
    MfaFresh,

    /// <summary>A session that used MFA longer ago than the policy's maximum age (two days if it has none).</summary>
    MfaExpired,
}

/// <summary>What a probe shows about enforcement.</summary>
public enum ProbeKind
{
    /// <summary>An action a user needs, without MFA, to enroll a device or get an MFA session.</summary>
    Enrollment,

    /// <summary>Changing one's own password.</summary>
    PasswordChange,

    /// <summary>Removing one's own MFA device.</summary>
    MfaRemoval,

    /// <summary>Managing one's own credentials.</summary>
    Credentials,

    /// <summary>An ordinary action that must not work without MFA.</summary>
    Ordinary,

    /// <summary>An action the caller asked about; it must not work without MFA either.</summary>
    Extra,
}

/// <summary>One action on one resource that <see cref="EnforcementTester"/> tries in every sign-in state.</summary>
public sealed class EnforcementProbe
{
    /// <summary>The region of the stand-in EC2 instance the ordinary probe terminates.</summary>
    private const string ProbeRegion = "us-east-1";

    /// <summary>Global keys a real request may carry whose values cannot be known offline.</summary>
    private static readonly string[] s_unknownGlobalKeys =
    {
        "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:VpcSourceIp", "aws:RequestedRegion",
        "aws:UserAgent", "aws:Referer", "aws:CalledVia*", "aws:ResourceTag/*", "aws:RequestTag/*", "aws:TagKeys",
        "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths", "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths", "aws:PrincipalIsAWSService", "aws:SourceAccount", "aws:SourceArn",
    };

    /// <summary>Creates a probe.</summary>
    public EnforcementProbe(string action, string resource, ProbeKind kind)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        Kind = kind;
    }

    /// <summary>The action, <c>service:Action</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN, or <c>*</c>.</summary>
    public string Resource { get; }

    /// <summary>What the probe shows.</summary>
    public ProbeKind Kind { get; }

    /// <summary>
    /// The default probes for <paramref name="principal"/>: the enrollment actions on the user's own ARN or a
    /// device named by the user, the password change, MFA removal, access key creation, and three ordinary
    /// actions; then <paramref name="extraActions"/> on <c>*</c>.
    /// </summary>
    public static IReadOnlyList<EnforcementProbe> Defaults(ProbePrincipal principal,
        IEnumerable<string>? extraActions = null)
    {
        if (principal is null)
        {
            throw new ArgumentNullException(nameof(principal));
        }

        string user = principal.UserArn;
        var probes = new List<EnforcementProbe>
        {
            new("iam:CreateVirtualMFADevice", DeviceArn(principal), ProbeKind.Enrollment),
            new("iam:EnableMFADevice", user, ProbeKind.Enrollment),
            new("iam:ResyncMFADevice", user, ProbeKind.Enrollment),
            new("iam:ListMFADevices", user, ProbeKind.Enrollment),
            new("iam:GetUser", user, ProbeKind.Enrollment),
            new("iam:ListVirtualMFADevices", "*", ProbeKind.Enrollment),
            new("sts:GetSessionToken", "*", ProbeKind.Enrollment),
            new("iam:ChangePassword", user, ProbeKind.PasswordChange),
            new(MfaActions.DeactivateMfaDevice, user, ProbeKind.MfaRemoval),
            new("iam:CreateAccessKey", user, ProbeKind.Credentials),
        };
        probes.AddRange(MfaActions.Ordinary.Select(a => new EnforcementProbe(a, ResourceFor(a, principal),
            ProbeKind.Ordinary)));

        foreach (string action in extraActions ?? Array.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(action) || action.IndexOf(':') <= 0
                || action.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                throw new ArgumentException(
                    $"'{action}' is not an action to probe; write service:Action without wildcards.",
                    nameof(extraActions));
            }

            if (!probes.Any(p => string.Equals(p.Action, action, StringComparison.OrdinalIgnoreCase)))
            {
                probes.Add(new EnforcementProbe(action, "*", ProbeKind.Extra));
            }
        }

        return probes;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Action} on {Resource}";

    /// <summary>A virtual device named by the user; since 2022 the name need not be the user's name.</summary>
    internal static string DeviceArn(ProbePrincipal principal) =>
        $"arn:{principal.Partition}:iam::{principal.AccountId}:mfa/{principal.UserName}-phone";

    /// <summary>A plausible resource for an ordinary probe action.</summary>
    internal static string ResourceFor(string action, ProbePrincipal principal)
    {
        return action.ToUpperInvariant() switch
        {
            "EC2:TERMINATEINSTANCES" =>
                $"arn:{principal.Partition}:ec2:{ProbeRegion}:{principal.AccountId}:instance/i-0123456789abcdef0",
            "IAM:CREATEUSER" => $"arn:{principal.Partition}:iam::{principal.AccountId}:user/mfa-probe-new-user",
            _ => "*",
        };
    }

    /// <summary>
    /// The request for <paramref name="action"/> made by <paramref name="principal"/> in <paramref name="state"/>.
    /// Keys a real request carries but whose values are not known here (source IP, region, resource tags, the
    /// called service's own keys) are declared unknown, so conditions on them are not guessed.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html.
    /// </summary>
    internal static RequestContext BuildRequest(string action, string resource, SignInState state,
        ProbePrincipal principal, TimeSpan? maxSessionAge, DateTimeOffset now)
    {
        var request = new RequestContext(action, resource)
        {
            UserName = principal.UserName,
            UserId = principal.UserId,
            AccountId = principal.AccountId,
        };
        request.WithKey("aws:PrincipalArn", principal.UserArn)
            .WithKey("aws:PrincipalType", "User")
            .WithKey("aws:SecureTransport", "true")
            .WithKey("aws:ViaAWSService", "false")
            .WithKey("aws:CurrentTime",
                now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .WithKey("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        foreach (KeyValuePair<string, string> tag in principal.Tags)
        {
            request.WithKey("aws:PrincipalTag/" + tag.Key, tag.Value);
        }

        switch (state)
        {
            case SignInState.ConsoleNoMfa:
                request.WithKey("aws:MultiFactorAuthPresent", "false").WithUnknownKey("aws:TokenIssueTime");
                break;
            case SignInState.MfaFresh:
                request.WithKey("aws:MultiFactorAuthPresent", "true").WithKey("aws:MultiFactorAuthAge", "60")
                    .WithUnknownKey("aws:TokenIssueTime");
                break;
            case SignInState.MfaExpired:
                long age = maxSessionAge is TimeSpan max ? (long)max.TotalSeconds + 60 : 2 * 24 * 3600;
                request.WithKey("aws:MultiFactorAuthPresent", "true")
                    .WithKey("aws:MultiFactorAuthAge", age.ToString(CultureInfo.InvariantCulture))
                    .WithUnknownKey("aws:TokenIssueTime");
                break;
        }

        foreach (string unknown in s_unknownGlobalKeys)
        {
            request.WithUnknownKey(unknown);
        }

        return request.WithUnknownKey(action.Substring(0, action.IndexOf(':')) + ":*");
    }
}
