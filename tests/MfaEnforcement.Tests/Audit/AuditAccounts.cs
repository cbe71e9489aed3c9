using System;

namespace MfaEnforcement.Tests.Audit;

/// <summary>Policy documents and a seeded account that holds every case the audit must tell apart.</summary>
internal static class AuditAccounts
{
    /// <summary>Denies all but enrollment without MFA, access keys included (BoolIfExists).</summary>
    public const string Enforcement =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyAllExceptEnrollmentWithoutMfa\","
        + "\"Effect\":\"Deny\",\"NotAction\":[\"iam:CreateVirtualMFADevice\",\"iam:EnableMFADevice\","
        + "\"iam:GetUser\",\"iam:ListMFADevices\",\"iam:ListVirtualMFADevices\",\"iam:ResyncMFADevice\","
        + "\"sts:GetSessionToken\"],\"Resource\":\"*\","
        + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}";

    /// <summary>The same deny under plain Bool: calls with access keys get through.</summary>
    public const string ConsoleOnlyEnforcement =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyConsoleWithoutMfa\","
        + "\"Effect\":\"Deny\",\"NotAction\":[\"iam:CreateVirtualMFADevice\",\"iam:EnableMFADevice\","
        + "\"iam:GetUser\",\"iam:ListMFADevices\",\"iam:ListVirtualMFADevices\",\"iam:ResyncMFADevice\","
        + "\"sts:GetSessionToken\"],\"Resource\":\"*\","
        + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}";

    public const string AdministratorAccess =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /// <summary>Allows everything, but only with MFA: bypassed by any other unconditional allow.</summary>
    public const string AllowOnlyWithMfa =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAllWithMfa\",\"Effect\":\"Allow\","
        + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";

    public const string ReadOnly =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],"
        + "\"Resource\":\"*\"}]}";

    public static string EnforcementArn => $"arn:aws:iam::{FakeIamClient.AccountId}:policy/MfaEnforcement";

    public static string RequireMfaArn => $"arn:aws:iam::{FakeIamClient.AccountId}:policy/RequireMfa";

    public static string LegacyMfaArn => $"arn:aws:iam::{FakeIamClient.AccountId}:policy/LegacyMfa";

    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    /// <summary>The users of <see cref="EveryCase"/> whose devices both paths can see alike.</summary>
    public static readonly string[] CaseUsers =
    {
        "console-no-mfa", "virtual-only", "hardware-direct", "security-key-group", "several-devices-inline",
        "pending-enrollment", "bypassed-by-admin", "exempt-user", "programmatic-only", "console-only-deny",
    };

    public static FakeIamClient EveryCase()
    {
        var iam = new FakeIamClient();
        iam.AddPolicy("MfaEnforcement", Enforcement);
        iam.AddPolicy("RequireMfa", AllowOnlyWithMfa);
        iam.AddPolicy("LegacyMfa", ConsoleOnlyEnforcement);
        iam.AddPolicy("ReadOnly", ReadOnly);
        iam.AddPolicy("AdministratorAccess", AdministratorAccess, awsManaged: true);
        iam.AddPolicy("AmazonS3FullAccess", AdministratorAccess, awsManaged: true);
        iam.AddGroup("Admins").Attach(AdministratorAccessArn);
        iam.AddGroup("Developers").Attach(EnforcementArn).Inline("team-read", ReadOnly);
        iam.AddGroup("Readers").Attach($"arn:aws:iam::{FakeIamClient.AccountId}:policy/ReadOnly");

        var signIn = new DateTime(2025, 5, 30, 8, 15, 42, DateTimeKind.Utc);
        iam.AddUser("console-no-mfa").Console(signIn).Member("Readers");
        iam.AddUser("virtual-only").Console(signIn).Virtual("virtual-only-phone").Key();
        iam.AddUser("hardware-direct").Console().Hardware("GAHT12345678").Attach(EnforcementArn);
        iam.AddUser("security-key-group").Console(signIn).SecurityKey("yubikey").Member("Developers");
        iam.AddUser("several-devices-inline").InPath("/staff/").Console(signIn).Virtual("phone").Virtual("tablet")
            .Inline("enforce-mfa", Enforcement).Key().Key(active: false);
        iam.AddUser("pending-enrollment").Console().Member("Developers", "Readers");
        iam.AddUser("bypassed-by-admin").Console(signIn).Virtual().Attach(RequireMfaArn).Member("Admins");
        iam.AddUser("exempt-user").Console(signIn).Tag("mfa-exempt", "true").Member("Developers").Key();
        iam.AddUser("programmatic-only").Key().Key();
        iam.AddUser("console-only-deny").Console().Virtual().Attach(LegacyMfaArn);
        iam.AddUser("virtual-and-key").Console().Virtual("phone-2").SecurityKey("backup").Member("Developers");
        iam.AddUser("wrong-exempt-value").Console().Tag("mfa-exempt", "yes");
        return iam;
    }
}
