using System;
using System.Collections.Generic;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement;

/// <summary>An IAM user as <c>Get-IamUser</c> emits it; its <c>UserName</c> binds to every other command.</summary>
public sealed class IamUser
{
    /// <summary>Copies the fields of an IAM user.</summary>
    public IamUser(IamUserInfo user)
    {
        UserName = user.UserName;
        UserId = user.UserId;
        Arn = user.Arn;
        Path = user.Path;
        CreateDate = user.CreateDate;
        PasswordLastUsed = user.PasswordLastUsed;
        Tags = new Dictionary<string, string>(user.Tags as IDictionary<string, string> ?? CopyTags(user.Tags));
    }

    /// <summary>The user's name.</summary>
    public string UserName { get; }

    /// <summary>The user's stable id (AIDA...).</summary>
    public string UserId { get; }

    /// <summary>The user's ARN.</summary>
    public string Arn { get; }

    /// <summary>The user's path, such as <c>/staff/</c>.</summary>
    public string Path { get; }

    /// <summary>When the user was created (UTC).</summary>
    public DateTime CreateDate { get; }

    /// <summary>The last console sign-in (UTC), when IAM reports one.</summary>
    public DateTime? PasswordLastUsed { get; }

    /// <summary>The user's tags, when the listing included them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <inheritdoc />
    public override string ToString() => UserName;

    private static Dictionary<string, string> CopyTags(IReadOnlyDictionary<string, string> tags)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        return copy;
    }
}
