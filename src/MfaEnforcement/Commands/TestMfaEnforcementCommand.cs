using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Proves what users, or policy documents, allow with and without MFA.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MfaEnforcement", DefaultParameterSetName = UserSet)]
[OutputType("MfaEnforcement.MfaEnforcementTestRow", "MfaEnforcement.MfaEnforcementVerdict")]
public sealed class TestMfaEnforcementCommand : IamCmdletBase
{
    private const string UserSet = "User";
    private const string DocumentSet = "Document";

    /// <summary>The account id of the stand-in user a policy document is tested as.</summary>
    private const string StandInAccount = "123456789012";

    private AccountPolicySnapshot? _account;
    private int _tested;

    // Once the simulator is found missing or denied, the remaining users are reported without asking again.
    private IamException? _onlineUnavailable;

    /// <summary>The users to test; wildcards match the account's users. Every user when omitted.</summary>
    [Parameter(ParameterSetName = UserSet, Position = 0, ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [Alias("User")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? UserName { get; set; }

    /// <summary>Policy documents to test, as JSON text or file paths, without calling AWS.</summary>
    [Parameter(ParameterSetName = DocumentSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? PolicyDocument { get; set; }

    /// <summary>Other policies the same user holds, as JSON text or file paths.</summary>
    [Parameter(ParameterSetName = DocumentSet)]
    [ValidateNotNullOrEmpty]
    public string[]? WithPolicy { get; set; }

    /// <summary>Runs the probes through IAM's policy simulator (SimulatePrincipalPolicy) instead of offline.</summary>
    [Parameter(ParameterSetName = UserSet)]
    public SwitchParameter Online { get; set; }

    /// <summary>More actions to probe, as <c>service:Action</c>.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Action { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        foreach (string action in Action ?? Array.Empty<string>())
        {
            if (action.IndexOf(':') <= 0 || action.IndexOf(':') == action.Length - 1
                || action.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                ThrowInvalid("InvalidAction",
                    $"'{action}' is not an action to probe; write service:Action without wildcards, for example "
                    + "s3:GetObject.", action);
            }
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == DocumentSet)
        {
            TestDocuments();
            return;
        }

        foreach (string name in UserName ?? new[] { "*" })
        {
            TestUsers(name);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_tested > 0)
        {
            WriteProgress(new ProgressRecord(1, "Test-MfaEnforcement", "Testing users")
            {
                RecordType = ProgressRecordType.Completed,
            });
        }
    }

    private void TestDocuments()
    {
        var policies = new List<AppliedPolicy>();
        policies.AddRange(ReadDocuments(PolicyDocument!, "PolicyDocument"));
        policies.AddRange(ReadDocuments(WithPolicy ?? Array.Empty<string>(), "WithPolicy"));
        WriteVerbose($"Testing {policies.Count} policy documents offline as a stand-in user.");
        var principal = new ProbePrincipal("mfa-probe-user", StandInAccount);
        Write(null, policies, EnforcementTester.Test(principal, policies, Action));
    }

    private void TestUsers(string pattern)
    {
        AccountPolicySnapshot account = ReadAccount();
        IEnumerable<string> names = new[] { pattern };
        if (IamNames.HasWildcard(pattern))
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            names = account.UserNames.Where(wildcard.IsMatch).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
        }

        foreach (string name in names)
        {
            UserPolicySet? user = account.FindUser(name);
            if (user is null)
            {
                var missing = new ItemNotFoundException(
                    $"User '{name}' is not in the account; check the name, for example with Get-IamUser.");
                WriteError(new ErrorRecord(missing, CommandId + "UserNotFound", ErrorCategory.ObjectNotFound, name));
                continue;
            }

            if (user.Problems.Count > 0)
            {
                var unreadable = new InvalidDataException($"User '{name}' was not tested, since a verdict without "
                    + $"all their policies could be wrong: {string.Join(" ", user.Problems)}");
                WriteError(new ErrorRecord(unreadable, CommandId + "PolicyUnreadable", ErrorCategory.InvalidData,
                    name));
                continue;
            }

            _tested++;
            WriteProgress(new ProgressRecord(1, "Test-MfaEnforcement", "Testing users")
            {
                StatusDescription = $"{name} ({_tested} tested)",
            });
            WriteVerbose($"Testing '{name}'{(Online ? " online" : string.Empty)} with "
                + $"{user.Policies.Count} policies: " + string.Join(", ", user.Policies.Select(p => p.Label)) + ".");
            EnforcementTestResult? result = Online
                ? TestOnline(user)
                : EnforcementTester.Test(user.Principal, user.Policies, Action);
            if (result is { Verdict: EnforcementVerdict.Enforced, BlocksPasswordChangeWithoutMfa: true }
                && IsPasswordResetPending(name))
            {
                user.Principal.PasswordResetRequired = true;
                result = EnforcementTester.Rejudge(result, user.Principal);
            }

            if (result is not null)
            {
                Write(user.Principal.UserName, user.Policies, result);
            }
        }
    }

    /// <summary>
    /// Whether the user must set a new password at the next sign-in: asked only for users whose policies deny a
    /// password change without MFA, since only for them does the answer change the verdict.
    /// </summary>
    private bool IsPasswordResetPending(string name)
    {
        try
        {
            WriteVerbose($"Calling GetLoginProfile for '{name}': its policies deny a password change without MFA.");
            return Await(ct => Client.GetLoginProfileAsync(name, ct))?.PasswordResetRequired == true;
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteIamError(e, name, $"User '{name}' (login profile)");
            return false;
        }
    }

    /// <summary>Tests one user with SimulatePrincipalPolicy; null when that user could not be tested.</summary>
    private EnforcementTestResult? TestOnline(UserPolicySet user)
    {
        string name = user.Principal.UserName;
        if (_onlineUnavailable is not null)
        {
            WriteOnlineUnavailable(name, _onlineUnavailable);
            return null;
        }

        EnforcementTestResult result;
        try
        {
            result = AwaitReported((reporter, ct) => OnlineEnforcementProbe.TestAsync(Client, user.Principal,
                user.Policies, Action, reporter.Log, ct));
        }
        catch (IamException e)
        {
            if (OnlineEnforcementProbe.IsUnavailable(e))
            {
                _onlineUnavailable = e;
                WriteOnlineUnavailable(name, e);
            }
            else if (e.ConcernsEveryCall)
            {
                ThrowIamError(e, name);
            }
            else
            {
                WriteIamError(e, name);
            }

            return null;
        }

        return result;
    }

    private void WriteOnlineUnavailable(string userName, IamException cause)
    {
        var unavailable = new InvalidOperationException($"User '{userName}' was not tested online: IAM's policy "
            + $"simulator (SimulatePrincipalPolicy) is not available here ({cause.ErrorCode}: {cause.Message}). Run "
            + "Test-MfaEnforcement without -Online to test offline, or use a caller allowed "
            + "iam:SimulatePrincipalPolicy.", cause);
        WriteError(new ErrorRecord(unavailable, CommandId + "OnlineUnavailable",
            cause.ErrorCode.StartsWith("AccessDenied", StringComparison.Ordinal)
                ? ErrorCategory.PermissionDenied
                : ErrorCategory.NotImplemented,
            userName));
    }

    private void Write(string? userName, IReadOnlyList<AppliedPolicy> policies, EnforcementTestResult result)
    {
        foreach (EnforcementTestRow row in result.Rows)
        {
            WriteObject(new MfaEnforcementTestRow(userName, row));
        }

        WriteObject(new MfaEnforcementVerdict(userName, policies, result));
    }

    /// <summary>Reads every user's policies in one bulk read, the first time a user is tested.</summary>
    private AccountPolicySnapshot ReadAccount()
    {
        if (_account is not null)
        {
            return _account;
        }

        try
        {
            _account = AwaitReported((reporter, ct) =>
                EnforcementPolicyFinder.ReadAccountAsync(Client, reporter.Log, ct));
            WriteVerbose($"Read the policies of {_account.UserCount} users.");
            return _account;
        }
        catch (IamException e)
        {
            ThrowIamError(e, UserName);
            throw;
        }
    }

    private List<AppliedPolicy> ReadDocuments(IReadOnlyList<string> values, string parameter)
    {
        var policies = new List<AppliedPolicy>();
        for (int i = 0; i < values.Count; i++)
        {
            string value = values[i];
            string name = values.Count == 1 ? parameter : $"{parameter}{i + 1}";
            string json = value;
            if (!value.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(value);
                if (!File.Exists(path))
                {
                    var missing = new ItemNotFoundException($"-{parameter} '{value}' is neither JSON nor a file; "
                        + "give the policy's JSON text or the path of a file that holds it.");
                    ThrowTerminatingError(new ErrorRecord(missing, CommandId + "PolicyDocumentNotFound",
                        ErrorCategory.ObjectNotFound, value));
                }

                json = File.ReadAllText(path);
                name = System.IO.Path.GetFileNameWithoutExtension(path);
            }

            try
            {
                policies.Add(new AppliedPolicy(name, Core.Policy.PolicyDocument.Parse(json)));
            }
            catch (PolicyFormatException e)
            {
                ThrowInvalid("InvalidPolicyDocument",
                    $"-{parameter} '{name}' is not a policy document: {e.Message} Correct the JSON and run again.",
                    value);
            }
        }

        return policies;
    }


}
