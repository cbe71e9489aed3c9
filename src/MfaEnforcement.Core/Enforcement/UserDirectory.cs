using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>
/// The account's users with their tags and attached managed policies, read in bulk with
/// GetAccountAuthorizationDetails (users only, up to 1,000 a page) when a call names more than
/// <see cref="BulkThreshold"/> users: one request per thousand users of the account instead of a GetUser and a
/// ListAttachedUserPolicies for each named user, which above all makes a rerun over thousands of users cheap.
/// </summary>
internal sealed class UserDirectory
{
    /// <summary>
    /// Above this many named users the bulk read costs fewer requests than two per user, unless the account holds
    /// more than 20,000 users.
    /// </summary>
    public const int BulkThreshold = 10;

    private readonly Dictionary<string, UserAuthorizationDetail> _users;

    private UserDirectory(IEnumerable<UserAuthorizationDetail> users)
    {
        // IAM user names are unique regardless of case, and IAM finds a user by any casing of the name.
        _users = new Dictionary<string, UserAuthorizationDetail>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            _users[user.User.UserName] = user;
        }
    }

    /// <summary>
    /// Reads every user of the account, or returns null when that fails for a reason of its own, such as a caller
    /// who may not call GetAccountAuthorizationDetails: the plan then falls back to the per-user reads, which need
    /// fewer permissions, rather than failing every target.
    /// </summary>
    public static async Task<UserDirectory?> TryReadAsync(
        IIamClient client, EnforcementMonitor monitor, CancellationToken ct)
    {
        var page = 0;
        try
        {
            var users = await IamPaging.ReadAllAsync(async marker =>
            {
                monitor.Log($"Calling GetAccountAuthorizationDetails (users, page {++page}).");
                var result = await client.GetAccountAuthorizationDetailsAsync(
                    AuthorizationDetailsFilter.User, marker, IamPaging.MaxPageSize, ct).ConfigureAwait(false);
                return new Page<UserAuthorizationDetail>(result.Users, result.Marker);
            }).ConfigureAwait(false);
            return new UserDirectory(users);
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            monitor.Log($"GetAccountAuthorizationDetails failed ({e.ErrorCode}: {e.Message}); reading each named " +
                "user instead (GetUser and ListAttachedUserPolicies).");
            return null;
        }
    }

    /// <summary>The user named <paramref name="userName"/>, in any casing.</summary>
    /// <exception cref="IamException">
    /// NoSuchEntity, as <paramref name="operation"/> would have answered for a user that does not exist.
    /// </exception>
    public UserAuthorizationDetail Find(string userName, string operation) =>
        _users.TryGetValue(userName, out var user)
            ? user
            : throw new IamException(
                operation, "NoSuchEntity", $"The user with name {userName} cannot be found.", HttpStatusCode.NotFound);

    /// <summary>True when <paramref name="policyArn"/> is attached to the user directly.</summary>
    public bool IsAttached(string userName, string policyArn, string operation) =>
        Find(userName, operation).AttachedPolicies.Any(
            p => string.Equals(p.PolicyArn, policyArn, StringComparison.Ordinal));
}
