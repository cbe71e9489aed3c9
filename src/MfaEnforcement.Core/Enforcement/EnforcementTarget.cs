using System;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>Whether an enforcement target is an IAM user or an IAM group.</summary>
public enum EnforcementTargetKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM group.</summary>
    Group,
}

/// <summary>A user or group that <c>Set-MfaEnforcement</c> or <c>Remove-MfaEnforcement</c> acts on.</summary>
public sealed class EnforcementTarget : IEquatable<EnforcementTarget>
{
    private EnforcementTarget(EnforcementTargetKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>User or group.</summary>
    public EnforcementTargetKind Kind { get; }

    /// <summary>The user's or group's name.</summary>
    public string Name { get; }

    /// <summary>A user target.</summary>
    public static EnforcementTarget User(string name) => new(EnforcementTargetKind.User, name);

    /// <summary>A group target.</summary>
    public static EnforcementTarget Group(string name) => new(EnforcementTargetKind.Group, name);

    /// <summary>
    /// Reads the ARN of an IAM user (<c>arn:aws:iam::123456789012:user/staff/alice</c>) or group; the name is the
    /// last segment of the resource, after the path. Returns null and a reason for any other ARN.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns.
    /// </summary>
    public static EnforcementTarget? FromArn(string arn, out string? problem)
    {
        problem = null;
        var parts = arn.Split(new[] { ':' }, 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam")
        {
            problem = $"'{arn}' is not the ARN of an IAM user or group, such as " +
                "'arn:aws:iam::123456789012:user/alice'. Pass a user or group ARN, or use -UserName or -GroupName.";
            return null;
        }

        var resource = parts[5];
        var slash = resource.IndexOf('/');
        var type = slash < 0 ? resource : resource.Substring(0, slash);
        var name = resource.Substring(resource.LastIndexOf('/') + 1);
        if (slash < 0 || name.Length == 0 || (type != "user" && type != "group"))
        {
            problem = $"'{arn}' names an IAM {type}, not a user or group: MFA enforcement applies to users, " +
                "directly or through their groups. Pass a user or group ARN.";
            return null;
        }

        return type == "user" ? User(name) : Group(name);
    }

    /// <inheritdoc />
    public bool Equals(EnforcementTarget? other) =>
        other is not null && other.Kind == Kind && string.Equals(other.Name, Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EnforcementTarget);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>"user 'alice'" or "group 'Developers'", as messages name it.</summary>
    public override string ToString() => Kind == EnforcementTargetKind.User ? $"user '{Name}'" : $"group '{Name}'";
}
