using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Policy;

/// <summary>The IAM user a probe is made as: name, account, path, partition and tags.</summary>
public sealed class ProbePrincipal
{
    private static readonly Regex s_account = new("^[0-9]{12}$", RegexOptions.CultureInvariant);
    private readonly Dictionary<string, string> _tags = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a principal.</summary>
    /// <param name="userName">The user's name.</param>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <param name="path">The user's path, <c>/</c> by default (for example <c>/staff/</c>).</param>
    /// <param name="partition">The partition, <c>aws</c> by default.</param>
    /// <param name="tags">The user's tags (for example an exemption tag).</param>
    public ProbePrincipal(string userName, string accountId, string path = "/", string partition = "aws",
        IEnumerable<KeyValuePair<string, string>>? tags = null)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new ArgumentException("A probe needs the user's name.", nameof(userName));
        }

        if (accountId is null || !s_account.IsMatch(accountId))
        {
            throw new ArgumentException($"'{accountId}' is not an account id; give its 12 digits.", nameof(accountId));
        }

        if (string.IsNullOrEmpty(path) || path[0] != '/' || path[path.Length - 1] != '/')
        {
            throw new ArgumentException($"'{path}' is not an IAM path; it starts and ends with /.", nameof(path));
        }

        UserName = userName;
        AccountId = accountId;
        Path = path;
        Partition = string.IsNullOrEmpty(partition) ? "aws" : partition;
        foreach (KeyValuePair<string, string> tag in tags ?? Array.Empty<KeyValuePair<string, string>>())
        {
            _tags[tag.Key] = tag.Value;
        }
    }

    /// <summary>
    /// The IAM user as a principal: account and partition from the ARN
    /// (<c>arn:PARTITION:iam::ACCOUNT:user/PATH/NAME</c>), path and tags as IAM lists them.
    /// </summary>
    /// <exception cref="ArgumentException">The ARN holds no account id.</exception>
    public static ProbePrincipal FromUser(IamUserInfo user)
    {
        if (user is null)
        {
            throw new ArgumentNullException(nameof(user));
        }

        return new ProbePrincipal(user.UserName, IamArn.Part(user.Arn, IamArn.AccountIndex) ?? string.Empty,
            string.IsNullOrEmpty(user.Path) ? "/" : user.Path, IamArn.Partition(user.Arn), user.Tags);
    }

    /// <summary>The user's name.</summary>
    public string UserName { get; }

    /// <summary>The account id.</summary>
    public string AccountId { get; }

    /// <summary>The user's path.</summary>
    public string Path { get; }

    /// <summary>The partition.</summary>
    public string Partition { get; }

    /// <summary>The user's tags.</summary>
    public IReadOnlyDictionary<string, string> Tags => _tags;

    /// <summary>
    /// Whether the user must set a new password at the next sign-in (the login profile's PasswordResetRequired):
    /// only then does a password change denied without MFA lock the user out.
    /// </summary>
    public bool PasswordResetRequired { get; set; }

    /// <summary>The user's ARN, path included.</summary>
    public string UserArn => $"arn:{Partition}:iam::{AccountId}:user{Path}{UserName}";

    /// <summary>A stand-in for the user's unique id (the value of <c>aws:userid</c>).</summary>
    public string UserId => "AIDAPROBE" + UserName.ToUpperInvariant();
}
