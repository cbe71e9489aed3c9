using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Iam;

/// <summary>Users, groups and their credentials.</summary>
public sealed partial class IamClient
{
    /// <inheritdoc />
    public Task<Page<IamUserInfo>> ListUsersAsync(
        string? pathPrefix, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListUsers",
            new QueryParameters().Add("PathPrefix", pathPrefix).Paging(marker, maxItems),
            r => new Page<IamUserInfo>(r.Members("Users").Select(IamXml.ReadUser).ToList(), r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<IamUserInfo> GetUserAsync(string? userName, CancellationToken ct) =>
        CallAsync(
            "GetUser", new QueryParameters().Add("UserName", userName), r => IamXml.ReadUser(r.Child("User")!), ct);

    /// <inheritdoc />
    public Task<Page<IamGroupInfo>> ListGroupsForUserAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListGroupsForUser",
            new QueryParameters().Add("UserName", userName).Paging(marker, maxItems),
            r => new Page<IamGroupInfo>(r.Members("Groups").Select(IamXml.ReadGroup).ToList(), r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<Page<KeyValuePair<string, string>>> ListUserTagsAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListUserTags",
            new QueryParameters().Add("UserName", userName).Paging(marker, maxItems),
            r => new Page<KeyValuePair<string, string>>(IamXml.ReadTags(r).ToList(), r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<Page<IamGroupInfo>> ListGroupsAsync(
        string? pathPrefix, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListGroups",
            new QueryParameters().Add("PathPrefix", pathPrefix).Paging(marker, maxItems),
            r => new Page<IamGroupInfo>(r.Members("Groups").Select(IamXml.ReadGroup).ToList(), r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<GroupMembersPage> GetGroupAsync(string groupName, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "GetGroup",
            new QueryParameters().Add("GroupName", groupName).Paging(marker, maxItems),
            r => new GroupMembersPage(
                IamXml.ReadGroup(r.Child("Group")!),
                r.Members("Users").Select(IamXml.ReadUser).ToList(),
                r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<IamGroupInfo> CreateGroupAsync(string groupName, string? path, CancellationToken ct) =>
        CallAsync(
            "CreateGroup",
            new QueryParameters().Add("GroupName", groupName).Add("Path", path),
            r => IamXml.ReadGroup(r.Child("Group")!),
            ct);

    /// <inheritdoc />
    public Task AddUserToGroupAsync(string groupName, string userName, CancellationToken ct) =>
        CallAsync("AddUserToGroup", new QueryParameters().Add("GroupName", groupName).Add("UserName", userName), ct);

    /// <inheritdoc />
    public Task RemoveUserFromGroupAsync(string groupName, string userName, CancellationToken ct) =>
        CallAsync(
            "RemoveUserFromGroup", new QueryParameters().Add("GroupName", groupName).Add("UserName", userName), ct);

    /// <inheritdoc />
    public async Task<LoginProfileInfo?> GetLoginProfileAsync(string userName, CancellationToken ct)
    {
        try
        {
            return await CallAsync(
                "GetLoginProfile",
                new QueryParameters().Add("UserName", userName),
                r =>
                {
                    var profile = r.Child("LoginProfile")!;
                    return new LoginProfileInfo(
                        profile.Text("UserName"), profile.Date("CreateDate"), profile.Bool("PasswordResetRequired"));
                },
                ct).ConfigureAwait(false);
        }
        catch (IamException e) when (e.IsNotFound)
        {
            // IAM answers NoSuchEntity both for a missing user and for a user without a console password.
            return null;
        }
    }

    /// <inheritdoc />
    public Task<Page<AccessKeyInfo>> ListAccessKeysAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListAccessKeys",
            new QueryParameters().Add("UserName", userName).Paging(marker, maxItems),
            r => new Page<AccessKeyInfo>(
                r.Members("AccessKeyMetadata")
                    .Select(k => new AccessKeyInfo(
                        k.Text("UserName"), k.Text("AccessKeyId"), k.Text("Status"), k.OptionalDate("CreateDate")))
                    .ToList(),
                r.NextMarker()),
            ct);
}
