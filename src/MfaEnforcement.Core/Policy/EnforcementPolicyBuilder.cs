using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Builds the MFA enforcement policy: allows for a user's own MFA enrollment (and, on request, own credentials),
/// and a Deny of everything but enrollment under <c>BoolIfExists aws:MultiFactorAuthPresent false</c>, which also
/// catches calls signed with long-term access keys, where the key is absent. Modelled on
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html,
/// with virtual devices on <c>mfa/*</c> because since 2022 users name their devices.
/// </summary>
public static class EnforcementPolicyBuilder
{
    /// <summary>The Sid of the deny that enforces MFA.</summary>
    public const string DenyWithoutMfaSid = "DenyAllExceptEnrollmentWithoutMfa";

    /// <summary>The Sid of the deny that ends sessions older than the maximum age.</summary>
    public const string DenyStaleMfaSid = "DenyAllExceptEnrollmentAfterMaxMfaAge";

    private static readonly Regex s_action = new(@"^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_partition = new(@"^aws(-[a-z]+)*$", RegexOptions.CultureInvariant);

    /// <summary>Builds the policy for <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="EnforcementPolicyException">An option is invalid; the message says what to change.</exception>
    public static PolicyDocument Build(EnforcementPolicyOptions? options = null)
    {
        options ??= new EnforcementPolicyOptions();
        Validate(options);

        string partition = options.Partition;
        string[] ownUser = OwnUserArns(partition);
        var statements = new List<PolicyStatement>
        {
            new(PolicyEffect.Allow, sid: "AllowListDevicesAndPasswordPolicy",
                actions: new[] { "iam:ListVirtualMFADevices", "iam:GetAccountPasswordPolicy" },
                resources: new[] { "*" }),
            new(PolicyEffect.Allow, sid: "AllowCreateVirtualMfaDevice",
                actions: new[] { "iam:CreateVirtualMFADevice" },
                resources: new[] { $"arn:{partition}:iam::*:mfa/*" }),
            new(PolicyEffect.Allow, sid: "AllowOwnMfaAndPassword",
                actions: new[]
                {
                    "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListMFADevices", "iam:GetUser",
                    "iam:ChangePassword",
                },
                resources: ownUser),
            new(PolicyEffect.Allow, sid: "AllowDeactivateOwnMfaWithMfa",
                actions: new[] { MfaActions.DeactivateMfaDevice },
                resources: ownUser,
                conditions: new[] { new PolicyCondition("Bool", "aws:MultiFactorAuthPresent", "true") }),
        };

        if (options.AllowSelfServiceCredentials)
        {
            statements.Add(new PolicyStatement(PolicyEffect.Allow, sid: "AllowOwnCredentialsWithMfa",
                actions: MfaActions.SelfServiceCredentials, resources: ownUser));
        }

        string[] exceptions = DeniedExceptions(options);
        statements.Add(new PolicyStatement(PolicyEffect.Deny, sid: DenyWithoutMfaSid, notActions: exceptions,
            resources: new[] { "*" },
            conditions: WithExemption(options,
                new PolicyCondition("BoolIfExists", "aws:MultiFactorAuthPresent", "false"))));

        if (options.MaxSessionAge is TimeSpan maxAge)
        {
            string seconds = ((long)maxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            statements.Add(new PolicyStatement(PolicyEffect.Deny, sid: DenyStaleMfaSid, notActions: exceptions,
                resources: new[] { "*" },
                conditions: WithExemption(options,
                    new PolicyCondition("NumericGreaterThan", "aws:MultiFactorAuthAge", seconds))));
        }

        var document = new PolicyDocument(statements);
        CheckSize(document);
        return document;
    }

    /// <summary>
    /// The user's own ARN, with and without a path: <c>${aws:username}</c> is the name alone, while the ARN of a
    /// user created under a path such as <c>/staff/</c> has the path before it.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns.
    /// </summary>
    internal static string[] OwnUserArns(string partition) => new[]
    {
        $"arn:{partition}:iam::*:user/${{aws:username}}",
        $"arn:{partition}:iam::*:user/*/${{aws:username}}",
    };

    private static string[] DeniedExceptions(EnforcementPolicyOptions options)
    {
        IEnumerable<string> actions = MfaActions.Enrollment;
        if (options.AllowPasswordChange)
        {
            actions = actions.Concat(MfaActions.PasswordChange);
        }

        return actions.Concat(options.AdditionalAllowedActions ?? Array.Empty<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>
    /// Adds the exemption to a deny. <c>StringNotEqualsIfExists</c> holds when the tag is missing, so untagged
    /// principals stay denied; only the value <c>true</c> exempts. See the IfExists section of
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html.
    /// </summary>
    private static PolicyCondition[] WithExemption(EnforcementPolicyOptions options, PolicyCondition mfaCondition)
    {
        if (options.ExemptionTag is null)
        {
            return new[] { mfaCondition };
        }

        return new[]
        {
            mfaCondition,
            new PolicyCondition("StringNotEqualsIfExists", $"aws:PrincipalTag/{options.ExemptionTag}", "true"),
        };
    }

    private static void Validate(EnforcementPolicyOptions options)
    {
        if (options.MaxSessionAge is TimeSpan age)
        {
            if (age < EnforcementPolicyOptions.MinimumSessionAge || age > EnforcementPolicyOptions.MaximumSessionAge)
            {
                throw new EnforcementPolicyException(
                    $"MaxSessionAge {age} is outside what an MFA session can last; choose between 15 minutes and "
                    + "36 hours, or leave it unset.", nameof(options.MaxSessionAge));
            }

            if (age.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new EnforcementPolicyException(
                    $"MaxSessionAge {age} has a fraction of a second; give whole seconds.",
                    nameof(options.MaxSessionAge));
            }
        }

        if (options.ExemptionTag is not null)
        {
            ValidateTagKey(options.ExemptionTag);
        }

        if (options.Partition is null || !s_partition.IsMatch(options.Partition))
        {
            throw new EnforcementPolicyException(
                $"'{options.Partition}' is not an AWS partition; use aws, aws-cn or aws-us-gov.",
                nameof(options.Partition));
        }

        foreach (string? action in options.AdditionalAllowedActions ?? Array.Empty<string>())
        {
            ValidateAdditionalAction(action);
        }
    }

    /// <summary>
    /// Tag keys are 1 to 128 characters of letters, digits, spaces and <c>_ . : / = + - @</c>, and may not start
    /// with <c>aws:</c>. See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html#id_tags_rules_creating.
    /// </summary>
    private static void ValidateTagKey(string key)
    {
        bool valid = key.Length is >= 1 and <= 128
            && key.All(c => char.IsLetterOrDigit(c) || c == ' ' || "_.:/=+-@".IndexOf(c) >= 0)
            && !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new EnforcementPolicyException(
                $"'{key}' is not a valid tag key for ExemptionTag; use 1 to 128 letters, digits, spaces or "
                + "_ . : / = + - @, not starting with aws: (for example mfa-exempt).",
                nameof(EnforcementPolicyOptions.ExemptionTag));
        }
    }

    private static void ValidateAdditionalAction(string? action)
    {
        if (action is null || !s_action.IsMatch(action))
        {
            throw new EnforcementPolicyException(
                $"'{action}' in AdditionalAllowedActions is not an action; write service:Action with letters, "
                + "digits, * and ? in the action name (for example sts:AssumeRole or ec2:Describe*).",
                nameof(EnforcementPolicyOptions.AdditionalAllowedActions));
        }

        if (action.Substring(action.IndexOf(':') + 1).All(c => c == '*' || c == '?'))
        {
            throw new EnforcementPolicyException(
                $"'{action}' in AdditionalAllowedActions would let a whole service through without MFA; name the "
                + "actions (for example ec2:Describe*).", nameof(EnforcementPolicyOptions.AdditionalAllowedActions));
        }

        string? sensitive = MfaActions.Sensitive.FirstOrDefault(a => PolicyEvaluator.ActionMatches(action, a));
        if (sensitive is not null)
        {
            throw new EnforcementPolicyException(
                $"'{action}' in AdditionalAllowedActions would let {sensitive} through without MFA, which defeats "
                + "the enforcement; name narrower actions.", nameof(EnforcementPolicyOptions.AdditionalAllowedActions));
        }
    }

    private static void CheckSize(PolicyDocument document)
    {
        int length = document.MinifiedLength;
        if (length > PolicyDocument.ManagedPolicyMaxLength)
        {
            throw new EnforcementPolicyException(
                $"The policy would be {length} characters, over IAM's limit of {PolicyDocument.ManagedPolicyMaxLength}"
                + "; list fewer AdditionalAllowedActions or cover them with wildcards.",
                nameof(EnforcementPolicyOptions.AdditionalAllowedActions));
        }
    }
}
