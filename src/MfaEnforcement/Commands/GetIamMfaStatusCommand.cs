using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Audit;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Tells, for each IAM user, whether they can sign in without MFA and whether MFA is
/// enforced.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "IamMfaStatus")]
[OutputType("MfaEnforcement.MfaStatus")]
public sealed class GetIamMfaStatusCommand : IamCmdletBase
{
    private readonly List<string> _names = new();
    private readonly List<WildcardPattern> _patterns = new();
    private bool _named;

    /// <summary>User names; wildcards match against the account's users. Without it, every user is audited.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("User")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? UserName { get; set; }

    /// <summary>Adds the root user's row.</summary>
    [Parameter]
    public SwitchParameter IncludeRoot { get; set; }

    /// <summary>The tag key that marks a user exempt when its value is <c>true</c>.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ExemptionTagKey { get; set; } = MfaAuditOptions.DefaultExemptionTagKey;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Names are only collected here: the path (bulk or per user) depends on how many there are in the end.
        if (UserName is null)
        {
            return;
        }

        _named = true;
        foreach (var name in UserName)
        {
            var problem = IamNames.CheckUserNamePattern(name);
            if (problem is not null)
            {
                WriteInvalid("InvalidUserName", problem, name);
            }
            else if (IamNames.HasWildcard(name))
            {
                _patterns.Add(new WildcardPattern(name, WildcardOptions.IgnoreCase));
            }
            else
            {
                _names.Add(name);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        // Piped input that named no one (an empty group, say) audits no one rather than the whole account.
        var all = !_named && !MyInvocation.ExpectingInput;
        if (!all && _names.Count == 0 && _patterns.Count == 0 && !IncludeRoot)
        {
            return;
        }

        var patterns = _patterns.ToArray();
        var scope = all
            ? MfaAuditScope.AllUsers(IncludeRoot)
            : MfaAuditScope.ForUsers(
                _names, patterns.Length == 0 ? null : name => patterns.Any(p => p.IsMatch(name)), IncludeRoot);

        MfaAuditResult result;
        try
        {
            result = Run(scope);
        }
        catch (IamException e)
        {
            ThrowIamError(e, null, "The MFA audit");
            return;
        }

        WriteObject(result.Statuses, enumerateCollection: true);
        foreach (var error in result.Errors)
        {
            WriteIamError(error.Exception, error.UserName, $"User '{error.UserName}'");
        }
    }

    /// <summary>Runs the audit; its verbose lines and progress are written as they arrive.</summary>
    private MfaAuditResult Run(MfaAuditScope scope) =>
        AwaitReported((reporter, ct) =>
        {
            var options = new MfaAuditOptions
            {
                ExemptionTagKey = ExemptionTagKey,
                Log = reporter.Log,
                Progress = progress => reporter.Progress(Record(progress)),
            };
            return new MfaAuditor(Client, options).AuditAsync(scope, ct);
        });

    private static ProgressRecord Record(MfaAuditProgress progress) =>
        new(1 + (int)progress.Phase, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
}
