using System;
using System.Collections.Generic;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement;

/// <summary>An IAM group with its members' names, as <c>Get-IamGroup</c> emits it.</summary>
public sealed class IamGroup
{
    /// <summary>Copies the fields of an IAM group and its members' names.</summary>
    public IamGroup(IamGroupInfo group, IReadOnlyList<string> members)
    {
        GroupName = group.GroupName;
        GroupId = group.GroupId;
        Arn = group.Arn;
        Path = group.Path;
        CreateDate = group.CreateDate;
        Members = members;
    }

    /// <summary>The group's name.</summary>
    public string GroupName { get; }

    /// <summary>The group's stable id (AGPA...).</summary>
    public string GroupId { get; }

    /// <summary>The group's ARN.</summary>
    public string Arn { get; }

    /// <summary>The group's path.</summary>
    public string Path { get; }

    /// <summary>When the group was created (UTC).</summary>
    public DateTime CreateDate { get; }

    /// <summary>The names of the group's members.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <inheritdoc />
    public override string ToString() => GroupName;
}
