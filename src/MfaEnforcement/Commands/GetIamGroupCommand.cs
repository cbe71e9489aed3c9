using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Lists IAM groups by name (wildcards) or path prefix, with their members.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "IamGroup")]
[OutputType("MfaEnforcement.IamGroup")]
public sealed class GetIamGroupCommand : IamCmdletBase
{
    /// <summary>Group names; wildcards match against the account's groups.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Group")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? GroupName { get; set; }

    /// <summary>A path prefix such as <c>/teams/</c>.</summary>
    [Parameter]
    [Alias("PathPrefix")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Path is not null && IamNames.CheckPath(Path, "/teams/") is { } problem)
        {
            ThrowInvalid("InvalidPath", problem, Path);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var patterns = new List<WildcardPattern>();
        foreach (var name in GroupName ?? ["*"])
        {
            var problem = IamNames.CheckGroupNamePattern(name);
            if (problem is not null)
            {
                WriteInvalid("InvalidGroupName", problem, name);
            }
            else if (IamNames.HasWildcard(name))
            {
                patterns.Add(new WildcardPattern(name, WildcardOptions.IgnoreCase));
            }
            else
            {
                WriteGroup(name);
            }
        }

        if (patterns.Count == 0)
        {
            return;
        }

        try
        {
            WriteVerbose($"Calling ListGroups (path prefix '{Path ?? "/"}').");
            var groups = Await(ct => IamPaging.ReadAllAsync(
                m => Client.ListGroupsAsync(Path, m, IamPaging.MaxPageSize, ct)));
            var matches = groups.Where(g => patterns.Any(p => p.IsMatch(g.GroupName))).ToList();
            var progress = new ProgressRecord(1, "Get-IamGroup", "Reading group members");
            for (var i = 0; i < matches.Count; i++)
            {
                progress.PercentComplete = 100 * i / matches.Count;
                progress.StatusDescription = $"{matches[i].GroupName} ({i + 1} of {matches.Count})";
                WriteProgress(progress);
                WriteGroup(matches[i].GroupName);
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
        catch (IamException e)
        {
            ThrowIamError(e, Path);
        }
    }

    private void WriteGroup(string name)
    {
        try
        {
            WriteVerbose($"Calling GetGroup for '{name}'.");
            var group = Await(ct => IamPaging.ReadGroupAsync(Client, name, ct));
            if (Path is null || group.Group.Path.StartsWith(Path))
            {
                WriteObject(new IamGroup(group.Group, group.Members.Select(u => u.UserName).ToList()));
            }
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteIamError(e, name, $"Group '{name}'");
        }
        catch (IamException e)
        {
            ThrowIamError(e, name);
        }
    }
}
