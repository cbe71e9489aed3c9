namespace IamEndpoint.Account;

internal sealed class PolicyVersion
{
    public required string Id { get; init; }

    /// <summary>The document as submitted; responses URL-encode it.</summary>
    public required string Document { get; init; }

    public required DateTime CreateDate { get; init; }
}

/// <summary>A managed policy, customer-managed or AWS-managed, with its versions and attachments.</summary>
internal sealed class ManagedPolicy
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public required string Id { get; init; }

    public required string Arn { get; init; }

    public string? Description { get; init; }

    public required bool IsAwsManaged { get; init; }

    public required DateTime CreateDate { get; init; }

    public DateTime UpdateDate { get; set; }

    /// <summary>Versions in creation order.</summary>
    public List<PolicyVersion> Versions { get; } = [];

    public required string DefaultVersionId { get; set; }

    /// <summary>The number the next version takes (v1, v2, ...; numbers are not reused).</summary>
    public int NextVersionNumber { get; set; }

    public List<Tag> Tags { get; } = [];

    public HashSet<IamUser> AttachedUsers { get; } = [];

    public HashSet<IamGroup> AttachedGroups { get; } = [];

    public int AttachmentCount => AttachedUsers.Count + AttachedGroups.Count;

    public PolicyVersion DefaultVersion => Versions.First(v => v.Id == DefaultVersionId);

    /// <summary>Orders policies by name, then ARN, since an AWS-managed and a local policy may share a name.</summary>
    public string Key => AccountState.NameKey(Name) + "|" + Arn;
}
