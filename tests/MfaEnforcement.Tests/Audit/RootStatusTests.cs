using System.Linq;
using MfaEnforcement.Core.Audit;
using Xunit;

namespace MfaEnforcement.Tests.Audit;

/// <summary>The root user's row with -IncludeRoot.</summary>
public class RootStatusTests
{
    public static TheoryData<MfaAuditPath> Paths => new() { MfaAuditPath.Bulk, MfaAuditPath.PerUser };

    [Theory]
    [MemberData(nameof(Paths))]
    public void RootWithoutMfaIsNoMfa(MfaAuditPath path)
    {
        var root = Root(new FakeIamClient(), path);

        Assert.Equal(MfaState.NoMfa, root.Status);
        Assert.Empty(root.MfaDevices);
        Assert.Equal("<root_account>", root.UserName);
        Assert.Contains("IAM.9", root.Reason);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void RootWithAVirtualDeviceIsEnforcedAndFlaggedForIam6(MfaAuditPath path)
    {
        var iam = new FakeIamClient { RootDevice = "arn:aws:iam::123456789012:mfa/root-account-mfa-device" };

        var root = Root(iam, path);

        Assert.Equal(MfaState.Enforced, root.Status);
        Assert.Equal(MfaDeviceType.Virtual, Assert.Single(root.MfaDevices).Type);
        Assert.Contains(root.Findings, f => f.Contains("IAM.6"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void RootWithAnotherDeviceIsEnforcedWithAHardwareDevice(MfaAuditPath path)
    {
        var iam = new FakeIamClient { RootDevice = "GAHT00000001", RootHasAccessKey = true };

        var root = Root(iam, path);

        Assert.Equal(MfaState.Enforced, root.Status);
        var device = Assert.Single(root.MfaDevices);
        Assert.Equal(MfaDeviceType.Hardware, device.Type);
        Assert.Null(device.SerialNumber);
        Assert.Equal(1, root.ActiveAccessKeys);
    }

    [Fact]
    public void RootRowIsTheSameOnBothPathsAndComesFirst()
    {
        var bulk = new AuditRun(AuditAccounts.EveryCase())
            .Audit(MfaAuditScope.ForUsers(new[] { "virtual-only" }, includeRoot: true), MfaAuditPath.Bulk);
        var perUser = new AuditRun(AuditAccounts.EveryCase())
            .Audit(MfaAuditScope.ForUsers(new[] { "virtual-only" }, includeRoot: true), MfaAuditPath.PerUser);

        Assert.Equal("<root_account>", bulk.Statuses[0].UserName);
        Assert.Equal(AuditRun.Describe(bulk.Statuses[0]), AuditRun.Describe(perUser.Statuses[0]));
        Assert.Equal("arn:aws:iam::123456789012:root", perUser.Statuses[0].Arn);
    }

    [Fact]
    public void RootArnComesFromTheCallerWhenNoUserNamesTheAccount()
    {
        var iam = new FakeIamClient();

        var root = Root(iam, MfaAuditPath.PerUser);

        Assert.Equal("arn:aws:iam::123456789012:root", root.Arn);
        Assert.Equal(1, iam.Count("GetCallerIdentity"));
    }

    private static MfaStatus Root(FakeIamClient iam, MfaAuditPath path)
    {
        var scope = path == MfaAuditPath.Bulk
            ? MfaAuditScope.AllUsers(includeRoot: true)
            : MfaAuditScope.ForUsers(System.Array.Empty<string>(), includeRoot: true);
        return new AuditRun(iam).Audit(scope, path).Statuses.Single();
    }
}
