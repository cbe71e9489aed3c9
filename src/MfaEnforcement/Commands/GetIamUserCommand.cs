using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Lists IAM users by name (wildcards), path prefix or group.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "IamUser", DefaultParameterSetName = DefaultSet)]
[OutputType("MfaEnforcement.IamUser")]
public sealed class GetIamUserCommand : IamCmdletBase
{
    private const string DefaultSet = "Default";
    private const string GroupSet = "Group";

    /// <summary>User names; wildcards match against the account's users.</summary>
    [Parameter(ParameterSetName = DefaultSet, Position = 0, ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [Alias("User")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? UserName { get; set; }

    /// <summary>A path prefix such as <c>/staff/</c>.</summary>
    [Parameter(ParameterSetName = DefaultSet)]
    [Alias("PathPrefix")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>List the members of this group.</summary>
    [Parameter(ParameterSetName = GroupSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? GroupName { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Path is not null && IamNames.CheckPath(Path, "/staff/") is { } problem)
        {
            ThrowInvalid("InvalidPath", problem, Path);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == GroupSet)
        {
            WriteGroupMembers(GroupName!);
            return;
        }

        if (UserName is null)
        {
            WriteListedUsers(null);
            return;
        }

        var patterns = new List<WildcardPattern>();
        foreach (var name in UserName)
        {
            var problem = IamNames.CheckUserNamePattern(name);
            if (problem is not null)
            {
                WriteInvalid("InvalidUserName", problem, name);
            }
            else if (IamNames.HasWildcard(name))
            {
                patterns.Add(new WildcardPattern(name, WildcardOptions.IgnoreCase));
            }
            else
            {
                WriteNamedUser(name);
            }
        }

        if (patterns.Count > 0)
        {
            WriteListedUsers(patterns);
        }
    }

    private void WriteNamedUser(string name)
    {
        try
        {
            WriteVerbose($"Calling GetUser for '{name}'.");
            var user = Await(ct => Client.GetUserAsync(name, ct));
            if (Path is null || user.Path.StartsWith(Path))
            {
                WriteObject(new IamUser(user));
            }
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteIamError(e, name, $"User '{name}'");
        }
        catch (IamException e)
        {
            ThrowIamError(e, name);
        }
    }

    private void WriteListedUsers(IReadOnlyList<WildcardPattern>? patterns)
    {
        var progress = new ProgressRecord(1, "Get-IamUser", "Listing IAM users");
        var count = 0;
        try
        {
            foreach (var page in IamPaging.Pages(m =>
            {
                var page = count / IamPaging.MaxPageSize + 1;
                WriteVerbose($"Calling ListUsers (path prefix '{Path ?? "/"}', page {page}).");
                return Client.ListUsersAsync(Path, m, IamPaging.MaxPageSize, CancellationToken);
            }))
            {
                count += page.Items.Count;
                progress.StatusDescription = $"Listed {count} users";
                WriteProgress(progress);
                foreach (var user in page.Items)
                {
                    if (patterns is null || patterns.Any(p => p.IsMatch(user.UserName)))
                    {
                        WriteObject(new IamUser(user));
                    }
                }
            }
        }
        catch (IamException e)
        {
            ThrowIamError(e, Path);
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    private void WriteGroupMembers(string groupName)
    {
        var problem = IamNames.CheckGroupName(groupName);
        if (problem is not null)
        {
            WriteInvalid("InvalidGroupName", problem, groupName);
            return;
        }

        try
        {
            string? marker = null;
            do
            {
                WriteVerbose($"Calling GetGroup for '{groupName}' to list its members.");
                var page = Await(ct => Client.GetGroupAsync(groupName, marker, IamPaging.MaxPageSize, ct));
                WriteObject(page.Members.Select(u => new IamUser(u)), enumerateCollection: true);
                marker = page.Marker;
            }
            while (marker is not null);
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteIamError(e, groupName, $"Group '{groupName}'");
        }
        catch (IamException e)
        {
            ThrowIamError(e, groupName);
        }
    }
}
