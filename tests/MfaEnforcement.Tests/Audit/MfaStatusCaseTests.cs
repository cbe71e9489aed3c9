using System.Linq;
using MfaEnforcement.Core.Audit;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Audit;

/// <summary>Each case of the seeded account gets the status and EnforcedBy a reader expects, on both paths.</summary>
public class MfaStatusCaseTests
{
    public static TheoryData<MfaAuditPath> Paths => new() { MfaAuditPath.Bulk, MfaAuditPath.PerUser };

    [Theory]
    [MemberData(nameof(Paths))]
    public void ConsoleUserWithoutDeviceOrEnforcementIsNoMfa(MfaAuditPath path)
    {
        var status = Audit("console-no-mfa", path);

        Assert.Equal(MfaState.NoMfa, status.Status);
        Assert.True(status.HasConsolePassword);
        Assert.False(status.MfaEnabled);
        Assert.Empty(status.EnforcedBy);
        Assert.Equal(new System.DateTime(2025, 5, 30, 8, 15, 42, System.DateTimeKind.Utc), status.PasswordLastUsed);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void VirtualDeviceWithoutEnforcementIsMfaNotEnforced(MfaAuditPath path)
    {
        var status = Audit("virtual-only", path);

        Assert.Equal(MfaState.MfaNotEnforced, status.Status);
        var device = Assert.Single(status.MfaDevices);
        Assert.Equal(MfaDeviceType.Virtual, device.Type);
        Assert.Equal("arn:aws:iam::123456789012:mfa/virtual-only-phone", device.SerialNumber);
        Assert.Equal(1, status.ActiveAccessKeys);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void HardwareDeviceWithDirectEnforcementIsEnforced(MfaAuditPath path)
    {
        var status = Audit("hardware-direct", path);

        Assert.Equal(MfaState.Enforced, status.Status);
        Assert.Equal(MfaDeviceType.Hardware, Assert.Single(status.MfaDevices).Type);
        var source = Assert.Single(status.EnforcedBy);
        Assert.Equal("MfaEnforcement (direct)", source.ToString());
        Assert.Equal(AuditAccounts.EnforcementArn, source.PolicyArn);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void SecurityKeyWithGroupEnforcementIsEnforcedViaTheGroup(MfaAuditPath path)
    {
        var status = Audit("security-key-group", path);

        Assert.Equal(MfaState.Enforced, status.Status);
        Assert.Equal(MfaDeviceType.SecurityKey, Assert.Single(status.MfaDevices).Type);
        var source = Assert.Single(status.EnforcedBy);
        Assert.Equal(PolicyAttachment.Group, source.Via);
        Assert.Equal("Developers", source.GroupName);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void SeveralDevicesWithInlineEnforcementAreAllListed(MfaAuditPath path)
    {
        var status = Audit("several-devices-inline", path);

        Assert.Equal(MfaState.Enforced, status.Status);
        Assert.Equal(new[] { "phone", "tablet" }, status.MfaDevices.Select(d => d.SerialNumber!.Split('/')[1]));
        Assert.Equal("enforce-mfa (inline)", Assert.Single(status.EnforcedBy).ToString());
        Assert.Equal("/staff/", status.Path);
        Assert.Equal(1, status.ActiveAccessKeys);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ConsoleUserWithEnforcementButNoDeviceIsPendingEnrollment(MfaAuditPath path)
    {
        var status = Audit("pending-enrollment", path);

        Assert.Equal(MfaState.PendingEnrollment, status.Status);
        Assert.Equal("MfaEnforcement (group Developers)", Assert.Single(status.EnforcedBy).ToString());
        Assert.Null(status.PasswordLastUsed);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void AllowWithMfaBypassedByAdministratorAccessIsNotEnforcement(MfaAuditPath path)
    {
        var status = Audit("bypassed-by-admin", path);

        Assert.Equal(MfaState.MfaNotEnforced, status.Status);
        Assert.Empty(status.EnforcedBy);
        Assert.Contains(status.Findings, f => f.Contains("bypassed by policy AdministratorAccess (group Admins)"));
        Assert.Contains("See Findings", status.Reason);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ExemptionTagTakesPrecedenceOverEveryOtherStatus(MfaAuditPath path)
    {
        var status = Audit("exempt-user", path);

        Assert.Equal(MfaState.Exempt, status.Status);
        Assert.True(status.Exempt);
        Assert.Single(status.EnforcedBy);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void UserWithoutPasswordOrDeviceIsProgrammaticOnly(MfaAuditPath path)
    {
        var status = Audit("programmatic-only", path);

        Assert.Equal(MfaState.ProgrammaticOnly, status.Status);
        Assert.False(status.HasConsolePassword);
        Assert.Equal(2, status.ActiveAccessKeys);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void DenyUnderPlainBoolIsListedButDoesNotEnforce(MfaAuditPath path)
    {
        var status = Audit("console-only-deny", path);

        Assert.Equal(MfaState.MfaNotEnforced, status.Status);
        Assert.Equal(MfaEnforcementLevel.ConsoleOnly, Assert.Single(status.EnforcedBy).Level);
        Assert.Contains(status.Findings, f => f.Contains("access keys bypass it"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ExemptionTagWithAnotherValueDoesNotExempt(MfaAuditPath path)
    {
        Assert.Equal(MfaState.NoMfa, Audit("wrong-exempt-value", path).Status);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ExemptionTagKeyIsConfigurable(MfaAuditPath path)
    {
        var iam = AuditAccounts.EveryCase();
        iam.Users["console-no-mfa"].Tag("break-glass", "true");

        var status = new AuditRun(iam, exemptionTagKey: "break-glass").One("console-no-mfa", path);

        Assert.Equal(MfaState.Exempt, status.Status);
    }

    private static MfaStatus Audit(string userName, MfaAuditPath path) =>
        new AuditRun(AuditAccounts.EveryCase()).One(userName, path);
}
