using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Finds the customer-managed policies that enforce MFA, by their content, and where each is
/// attached.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "MfaEnforcementPolicy")]
[OutputType("MfaEnforcement.MfaEnforcementPolicy")]
public sealed class GetMfaEnforcementPolicyCommand : IamCmdletBase
{
    /// <summary>Policy names; wildcards are accepted. All enforcing policies when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? PolicyName { get; set; }

    private readonly List<WildcardPattern> _patterns = new();


    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (string name in PolicyName ?? new[] { "*" })
        {
            _patterns.Add(new WildcardPattern(name, WildcardOptions.IgnoreCase));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var progress = new ProgressRecord(1, "Get-MfaEnforcementPolicy", "Reading customer-managed policies");
        WriteProgress(progress);
        try
        {
            IReadOnlyList<FoundEnforcementPolicy> found = AwaitReported((reporter, ct) =>
                EnforcementPolicyFinder.FindAsync(
                    Client, name => _patterns.Any(p => p.IsMatch(name)), reporter.Log, ct));
            WriteVerbose($"Found {found.Count} customer-managed policies that enforce MFA.");
            foreach (FoundEnforcementPolicy policy in found)
            {
                WriteObject(new MfaEnforcementPolicy(policy));
            }
        }
        catch (IamException e)
        {
            ThrowIamError(e, PolicyName);
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }


}
