using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class OnlineEnforcementProbeTests
{
    private const string Account = "111122223333";

    private static readonly DateTimeOffset s_now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly ProbePrincipal s_alice = new("alice", Account);

    private static readonly AppliedPolicy s_administrator =
        new("AdministratorAccess", EnforcementAnalyzerTests.AdministratorAccess);

    public static TheoryData<string> PolicySets => new()
    {
        "Generated", "GeneratedWithoutPasswordChange", "GeneratedWithMaxAge", "AllowWithMfaAge", "DenyOnly",
        "PlainBool", "AdministratorOnly",
    };

    [Theory]
    [MemberData(nameof(PolicySets))]
    public async Task GivesTheOfflineVerdictForTheSamePolicies(string set)
    {
        IReadOnlyList<AppliedPolicy> policies = Policies(set);

        EnforcementTestResult offline = EnforcementTester.Test(s_alice, policies, null, s_now);
        EnforcementTestResult online = await Online(new SimulatorFake(policies), policies);

        Assert.Equal(offline.Verdict, online.Verdict);
    }

    [Theory]
    [MemberData(nameof(PolicySets))]
    public async Task DecidesEveryRowAsTheOfflineEvaluatorDoes(string set)
    {
        IReadOnlyList<AppliedPolicy> policies = Policies(set);

        EnforcementTestResult offline = EnforcementTester.Test(s_alice, policies, new[] { "dynamodb:Scan" }, s_now);
        EnforcementTestResult online = await Online(new SimulatorFake(policies), policies, "dynamodb:Scan");

        Assert.Equal(offline.Rows.Select(r => $"{r.Action} {r.State} {r.Decision}"),
            online.Rows.Select(r => $"{r.Action} {r.State} {r.Decision}"));
    }

    [Fact]
    public async Task SendsNoMfaKeysForALongTermAccessKey()
    {
        var iam = new SimulatorFake(Policies("Generated"));

        await Online(iam, Policies("Generated"));

        Assert.All(iam.RequestsIn(SignInState.AccessKey), r => Assert.Empty(Mfa(r)));
    }

    [Fact]
    public async Task SendsMfaAbsentAsFalseWithoutAnAgeForAConsoleSession()
    {
        var iam = new SimulatorFake(Policies("Generated"));

        await Online(iam, Policies("Generated"));

        Assert.All(iam.RequestsIn(SignInState.ConsoleNoMfa), r => Assert.Equal(
            new[] { "aws:MultiFactorAuthPresent boolean false" }, Mfa(r)));
    }

    [Fact]
    public async Task SendsAFreshMfaAgeForAnMfaSession()
    {
        var iam = new SimulatorFake(Policies("Generated"));

        await Online(iam, Policies("Generated"));

        Assert.All(iam.RequestsIn(SignInState.MfaFresh), r => Assert.Equal(
            new[] { "aws:MultiFactorAuthAge numeric 60", "aws:MultiFactorAuthPresent boolean true" }, Mfa(r)));
    }

    [Fact]
    public async Task SendsAnAgeBeyondThePolicysMaximumForAnExpiredMfaSession()
    {
        var iam = new SimulatorFake(Policies("GeneratedWithMaxAge"));

        await Online(iam, Policies("GeneratedWithMaxAge"));

        Assert.All(iam.RequestsIn(SignInState.MfaExpired), r => Assert.Equal(
            new[] { "aws:MultiFactorAuthAge numeric 3660", "aws:MultiFactorAuthPresent boolean true" }, Mfa(r)));
    }

    [Fact]
    public async Task AsksOncePerSignInStateAndResourceFollowingMarkers()
    {
        var iam = new SimulatorFake(Policies("Generated"));
        int resources = EnforcementProbe.Defaults(s_alice).Select(p => p.Resource).Distinct().Count();

        await Online(iam, Policies("Generated"));

        Assert.Equal(4 * resources, iam.Requests.Count(r => r.Marker is null));
        Assert.Contains(iam.Requests, r => r.Marker is not null);
        Assert.All(iam.Requests, r => Assert.Equal(new[] { s_alice.UserArn }, new[] { r.PolicySourceArn }));
        Assert.All(iam.Requests, r => Assert.Single(r.Resources));
    }

    [Fact]
    public async Task NamesTheStatementIamMatched()
    {
        EnforcementTestResult result = await Online(new SimulatorFake(Policies("Generated")), Policies("Generated"));

        Assert.Equal($"MfaEnforcement/{EnforcementPolicyBuilder.DenyWithoutMfaSid}",
            result.Row("s3:ListAllMyBuckets", SignInState.AccessKey).DecidedBy);
        Assert.Contains("AdministratorAccess", result.Row("s3:ListAllMyBuckets", SignInState.MfaFresh).DecidedBy);
    }

    [Fact]
    public async Task NamesThePolicyThatLeavesActionsOpen()
    {
        EnforcementTestResult result = await Online(new SimulatorFake(Policies("AllowWithMfaAge")),
            Policies("AllowWithMfaAge"));

        Assert.Contains(result.Findings, f => f.StartsWith("s3:ListAllMyBuckets stays allowed without MFA",
            StringComparison.Ordinal) && f.Contains("allowed by AdministratorAccess"));
    }

    [Fact]
    public async Task CannotEvaluateWhatTheSimulatorCannotDecide()
    {
        var iam = new SimulatorFake(Policies("Generated"))
        {
            Failure = new IamException("SimulatePrincipalPolicy", "PolicyEvaluation", "The key is unknown."),
        };

        EnforcementTestResult result = await Online(iam, Policies("Generated"));

        Assert.Equal(EnforcementVerdict.CannotEvaluate, result.Verdict);
    }

    [Theory]
    [InlineData("AccessDenied", true)]
    [InlineData("InvalidAction", true)]
    [InlineData("Throttling", false)]
    [InlineData("NoSuchEntity", false)]
    public async Task TellsAMissingOrDeniedSimulatorApart(string code, bool unavailable)
    {
        var iam = new SimulatorFake(Policies("Generated"))
        {
            Failure = new IamException("SimulatePrincipalPolicy", code, "No."),
        };

        IamException e = await Assert.ThrowsAsync<IamException>(() => Online(iam, Policies("Generated")));

        Assert.Equal(unavailable, OnlineEnforcementProbe.IsUnavailable(e));
    }

    private static Task<EnforcementTestResult> Online(SimulatorFake iam, IReadOnlyList<AppliedPolicy> policies,
        params string[] extraActions) =>
        OnlineEnforcementProbe.TestAsync(iam.Client, s_alice, policies, extraActions, null, CancellationToken.None,
            s_now);

    private static IEnumerable<string> Mfa(SimulationRequest request) => request.Context
        .Where(e => e.Key.StartsWith("aws:MultiFactorAuth", StringComparison.Ordinal))
        .Select(e => $"{e.Key} {e.Type} {string.Join(",", e.Values)}")
        .OrderBy(s => s, StringComparer.Ordinal);

    private static IReadOnlyList<AppliedPolicy> Policies(string set)
    {
        PolicyDocument generated = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            AllowPasswordChange = true,
        });
        return set switch
        {
            "Generated" => new[] { s_administrator, new AppliedPolicy("MfaEnforcement", generated) },
            "GeneratedWithoutPasswordChange" => new[]
            {
                s_administrator, new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build()),
            },
            "GeneratedWithMaxAge" => new[]
            {
                s_administrator,
                new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
                {
                    AllowPasswordChange = true,
                    MaxSessionAge = TimeSpan.FromHours(1),
                })),
            },
            "AllowWithMfaAge" => new[]
            {
                new AppliedPolicy("RequireMfa", EnforcementAnalyzerTests.AllowOnlyWithMfaAge), s_administrator,
            },
            "DenyOnly" => new[]
            {
                new AppliedPolicy("DenyOnly", new PolicyDocument(generated.Statements
                    .Where(s => s.Sid == EnforcementPolicyBuilder.DenyWithoutMfaSid))),
            },
            "PlainBool" => new[]
            {
                new AppliedPolicy("LegacyMfa", EnforcementAnalyzerTests.DenyUnderPlainBool), s_administrator,
            },
            "AdministratorOnly" => new[] { s_administrator },
            _ => throw new ArgumentOutOfRangeException(nameof(set)),
        };
    }

    /// <summary>One SimulatePrincipalPolicy request as the fake received it.</summary>
    internal sealed record SimulationRequest(string PolicySourceArn, IReadOnlyList<string> Actions,
        IReadOnlyList<string> Resources, IReadOnlyList<SimulationContextEntry> Context, string? Marker)
    {
        public SignInState State => Context.FirstOrDefault(e => e.Key == "aws:MultiFactorAuthPresent") switch
        {
            null => SignInState.AccessKey,
            { Values: [ "false" ] } => SignInState.ConsoleNoMfa,
            _ => Context.Any(e => e.Key == "aws:MultiFactorAuthAge" && e.Values.SequenceEqual(new[] { "60" }))
                ? SignInState.MfaFresh
                : SignInState.MfaExpired,
        };
    }

    /// <summary>
    /// An IAM whose SimulatePrincipalPolicy decides with the offline evaluator, as IAM would for these policies,
    /// from the request's context entries alone, three results a page. Every other action throws.
    /// </summary>
    private sealed class SimulatorFake
    {
        private const int PageSize = 3;

        private readonly IReadOnlyList<AppliedPolicy> _policies;

        public SimulatorFake(IReadOnlyList<AppliedPolicy> policies)
        {
            _policies = policies;
            Client = DispatchProxy.Create<IIamClient, SimulatorProxy>();
            ((SimulatorProxy)Client).Fake = this;
        }

        public IIamClient Client { get; }

        public List<SimulationRequest> Requests { get; } = new();

        public IamException? Failure { get; init; }

        public IEnumerable<SimulationRequest> RequestsIn(SignInState state)
        {
            var requests = Requests.Where(r => r.State == state).ToList();
            Assert.NotEmpty(requests);
            return requests;
        }

        public Page<SimulationResult> Simulate(SimulationRequest request, int maxItems)
        {
            Requests.Add(request);
            if (Failure is not null)
            {
                throw Failure;
            }

            var results = request.Actions
                .SelectMany(a => request.Resources.Select(r => Evaluate(a, r, request.Context)))
                .ToList();
            int start = request.Marker is null ? 0 : int.Parse(request.Marker, CultureInfo.InvariantCulture);
            int take = Math.Min(PageSize, maxItems);
            string? next = start + take < results.Count ? (start + take).ToString(CultureInfo.InvariantCulture) : null;
            return new Page<SimulationResult>(results.Skip(start).Take(take).ToList(), next);
        }

        private SimulationResult Evaluate(string action, string resource, IReadOnlyList<SimulationContextEntry> entries)
        {
            var request = new RequestContext(action, resource)
            {
                UserName = s_alice.UserName,
                UserId = s_alice.UserId,
                AccountId = s_alice.AccountId,
            };
            foreach (SimulationContextEntry entry in entries)
            {
                request.WithKey(entry.Key, entry.Values.ToArray());
            }

            PolicyEvaluationResult result = PolicyEvaluator.Evaluate(_policies, request);
            string decision = result.Decision switch
            {
                PolicyDecision.Allowed => "allowed",
                PolicyDecision.ExplicitDeny => "explicitDeny",
                PolicyDecision.ImplicitDeny => "implicitDeny",
                _ => throw new IamException("SimulatePrincipalPolicy", "PolicyEvaluation", result.Reason ?? "?"),
            };
            return new SimulationResult(action, resource, decision, result.DecidingPolicies, Array.Empty<string>());
        }
    }

    /// <summary>Implements <see cref="IIamClient"/> with SimulatePrincipalPolicy alone.</summary>
    public class SimulatorProxy : DispatchProxy
    {
        internal object? Fake { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IIamClient.SimulatePrincipalPolicyAsync) || args is null)
            {
                throw new NotSupportedException($"The simulation tests do not use {targetMethod?.Name}.");
            }

            var fake = (SimulatorFake)Fake!;
            var request = new SimulationRequest((string)args[0]!, (IReadOnlyList<string>)args[1]!,
                (IReadOnlyList<string>?)args[2] ?? new[] { "*" },
                (IReadOnlyList<SimulationContextEntry>?)args[3] ?? Array.Empty<SimulationContextEntry>(),
                (string?)args[4]);
            try
            {
                return Task.FromResult(fake.Simulate(request, (int)args[5]!));
            }
            catch (IamException e)
            {
                return Task.FromException<Page<SimulationResult>>(e);
            }
        }
    }
}
