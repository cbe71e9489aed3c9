using System;
using System.Linq;
using MfaEnforcement.Core.Audit;
using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Audit;

/// <summary>The path choice, the identity of both paths, what the audit sends, and its errors.</summary>
public class MfaAuditorTests
{
    [Fact]
    public void BothPathsGiveIdenticalObjectsForTheSameUsers()
    {
        var bulk = new AuditRun(AuditAccounts.EveryCase()).Audit(MfaAuditScope.AllUsers(), MfaAuditPath.Bulk);
        var perUser = new AuditRun(AuditAccounts.EveryCase())
            .Audit(MfaAuditScope.ForUsers(AuditAccounts.CaseUsers), MfaAuditPath.PerUser);

        var fromBulk = AuditRun.Describe(bulk.Statuses.Where(s => AuditAccounts.CaseUsers.Contains(s.UserName)));
        Assert.Equal(fromBulk, AuditRun.Describe(perUser.Statuses));
    }

    [Fact]
    public void BulkPathListsOnlyVirtualDevicesOfAUserWhoAlsoHasAnotherKind()
    {
        var bulk = new AuditRun(AuditAccounts.EveryCase()).One("virtual-and-key", MfaAuditPath.Bulk);
        var perUser = new AuditRun(AuditAccounts.EveryCase()).One("virtual-and-key", MfaAuditPath.PerUser);

        Assert.Equal(new[] { MfaDeviceType.Virtual }, bulk.MfaDevices.Select(d => d.Type));
        Assert.Equal(2, perUser.MfaDevices.Count);
        Assert.Equal(perUser.Status, bulk.Status);
    }

    [Fact]
    public void EveryUserIsAuditedInBulk()
    {
        var plan = MfaAuditor.Plan(MfaAuditScope.AllUsers());

        Assert.Equal(MfaAuditPath.Bulk, plan.Path);
    }

    [Fact]
    public void AFewNamedUsersAreReadOneByOne()
    {
        var plan = MfaAuditor.Plan(MfaAuditScope.ForUsers(new[] { "a", "b", "c" }));

        Assert.Equal(MfaAuditPath.PerUser, plan.Path);
        Assert.Contains("3 users named", plan.Reason);
    }

    [Fact]
    public void MoreNamedUsersThanTheLimitAreReadInBulk()
    {
        var names = Enumerable.Range(0, MfaAuditor.PerUserLimit + 1).Select(i => $"user{i}");

        Assert.Equal(MfaAuditPath.Bulk, MfaAuditor.Plan(MfaAuditScope.ForUsers(names)).Path);
    }

    [Fact]
    public void AWildcardIsReadInBulk()
    {
        var plan = MfaAuditor.Plan(MfaAuditScope.ForUsers(Array.Empty<string>(), n => n.StartsWith("a")));

        Assert.Equal(MfaAuditPath.Bulk, plan.Path);
    }

    [Fact]
    public void TheReasonForThePathIsLoggedFirst()
    {
        var run = new AuditRun(AuditAccounts.EveryCase());

        run.Audit(MfaAuditScope.ForUsers(new[] { "virtual-only" }));

        Assert.StartsWith("1 user named", run.Log.First());
    }

    [Fact]
    public void BulkPathSendsOneRequestPerPageAndListsDevicesOnlyForNonVirtualMfa()
    {
        var run = new AuditRun(AuditAccounts.EveryCase());

        run.Audit(MfaAuditScope.AllUsers(), MfaAuditPath.Bulk);

        // 12 users, then 3 groups, 4 customer policies and the one attached AWS policy, in pages of 2;
        // 6 virtual devices.
        Assert.Equal(10, run.Iam.Count("GetAccountAuthorizationDetails"));
        Assert.Equal(3, run.Iam.Count("ListVirtualMFADevices"));
        Assert.Equal(2, run.Iam.Count("ListMFADevices"));
        Assert.Equal(2, run.Iam.Count("GenerateCredentialReport"));
        Assert.Equal(1, run.Iam.Count("GetCredentialReport"));
        Assert.Equal(18, run.Iam.Requests.Count);
    }

    [Fact]
    public void BulkRequestsDoNotGrowWithTheNumberOfUsers()
    {
        var iam = AuditAccounts.EveryCase();
        iam.PageSize = 1000;
        for (var i = 0; i < 3000; i++)
        {
            var user = iam.AddUser($"bulk-user-{i:D4}").Member("Developers");
            if (i % 2 == 0)
            {
                user.Console().Virtual();
            }
        }

        var run = new AuditRun(iam);
        var result = run.Audit(MfaAuditScope.AllUsers());

        Assert.Equal(3012, result.Statuses.Count);
        Assert.Equal(12, run.Iam.Requests.Count);
    }

    [Fact]
    public void PerUserPathReadsEachGroupAndManagedPolicyOnce()
    {
        var run = new AuditRun(AuditAccounts.EveryCase());

        run.Audit(MfaAuditScope.ForUsers(new[] { "pending-enrollment", "security-key-group", "exempt-user" }),
            MfaAuditPath.PerUser);

        Assert.Equal(3, run.Iam.Count("GetUser"));
        Assert.Equal(2, run.Iam.Count("ListAttachedGroupPolicies"));
        Assert.Equal(2, run.Iam.Count("GetPolicy"));
        Assert.Equal(2, run.Iam.Count("GetPolicyVersion"));
        Assert.Equal(1, run.Iam.Count("GetGroupPolicy"));
        Assert.Equal(0, run.Iam.Count("GetAccountAuthorizationDetails"));
    }

    [Fact]
    public void VerboseLogNamesEveryRequest()
    {
        var run = new AuditRun(AuditAccounts.EveryCase());

        run.Audit(MfaAuditScope.AllUsers(), MfaAuditPath.Bulk);

        Assert.Equal(run.Iam.Requests.Count, run.Log.Count(line => line.StartsWith("Calling ")));
    }

    [Fact]
    public void ProgressReportsEachPageAndEndsEveryPhase()
    {
        var run = new AuditRun(AuditAccounts.EveryCase());

        run.Audit(MfaAuditScope.AllUsers(), MfaAuditPath.Bulk);

        Assert.Equal(6, run.Progress.Count(p => p.Phase == MfaAuditPhase.AuthorizationDetails && !p.Completed));
        Assert.All(run.Progress.GroupBy(p => p.Phase), phase => Assert.True(phase.Last().Completed));
    }

    [Theory]
    [InlineData(MfaAuditPath.Bulk)]
    [InlineData(MfaAuditPath.PerUser)]
    public void AMissingUserIsAnErrorAndTheOthersAreStillAudited(MfaAuditPath path)
    {
        var result = new AuditRun(AuditAccounts.EveryCase())
            .Audit(MfaAuditScope.ForUsers(new[] { "no-such-user", "virtual-only" }), path);

        var error = Assert.Single(result.Errors);
        Assert.Equal("no-such-user", error.UserName);
        Assert.True(error.Exception.IsNotFound);
        Assert.Equal("virtual-only", Assert.Single(result.Statuses).UserName);
    }

    [Fact]
    public void NamesMatchUsersRegardlessOfCase()
    {
        var result = new AuditRun(AuditAccounts.EveryCase())
            .Audit(MfaAuditScope.ForUsers(new[] { "VIRTUAL-ONLY", "virtual-only" }), MfaAuditPath.Bulk);

        Assert.Equal("virtual-only", Assert.Single(result.Statuses).UserName);
    }

    [Fact]
    public void AWildcardSelectsMatchingUsersOnly()
    {
        var result = new AuditRun(AuditAccounts.EveryCase())
            .Audit(MfaAuditScope.ForUsers(Array.Empty<string>(), n => n.StartsWith("console")));

        Assert.Equal(new[] { "console-no-mfa", "console-only-deny" }, result.Statuses.Select(s => s.UserName));
    }

    [Fact]
    public void AFailingStreamEndsTheAuditWithItsOwnError()
    {
        var iam = AuditAccounts.EveryCase();
        iam.Failures["ListVirtualMFADevices"] = "AccessDenied";

        var error = Assert.Throws<IamException>(() => new AuditRun(iam).Audit(MfaAuditScope.AllUsers()));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public void UsersNewerThanTheCredentialReportAreReadOneByOne()
    {
        var iam = AuditAccounts.EveryCase();
        iam.AddReport(TimeSpan.FromHours(1));
        iam.AddUser("newcomer").Console();
        var run = new AuditRun(iam);

        var result = run.Audit(MfaAuditScope.AllUsers());

        Assert.Equal(MfaState.NoMfa, result.Statuses.Single(s => s.UserName == "newcomer").Status);
        Assert.Equal(1, run.Iam.Count("GetUser"));
    }

    [Fact]
    public void AManagedPolicyMissingFromTheDetailsIsFetchedOnce()
    {
        var iam = AuditAccounts.EveryCase();
        iam.OmitAwsPoliciesFromDetails = true;
        iam.Users["console-no-mfa"].Attach(AuditAccounts.AdministratorAccessArn);
        var run = new AuditRun(iam);

        run.Audit(MfaAuditScope.AllUsers());

        Assert.Equal(1, run.Iam.Count("GetPolicy"));
        Assert.Equal(1, run.Iam.Count("GetPolicyVersion"));
    }
}
