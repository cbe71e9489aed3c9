using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>A target that could not be read or changed; the other targets go on.</summary>
public sealed class EnforcementFailure
{
    internal EnforcementFailure(EnforcementTarget target, IamException exception)
    {
        Target = target;
        Exception = exception;
    }

    /// <summary>The user or group that failed.</summary>
    public EnforcementTarget Target { get; }

    /// <summary>
    /// IAM's error, its message completed with what to do where this module knows better than the generic advice
    /// (the 10-policy quota, for one).
    /// </summary>
    public IamException Exception { get; }

    /// <summary>"User 'alice'" or "Group 'Developers'", to start the error message with.</summary>
    public string Subject =>
        Target.Kind == EnforcementTargetKind.User ? $"User '{Target.Name}'" : $"Group '{Target.Name}'";

    internal static EnforcementFailure From(EnforcementTarget target, IamException exception)
    {
        if (exception.ErrorCode != "LimitExceeded")
        {
            return new EnforcementFailure(target, exception);
        }

        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: 10 managed policies per
        // user or group unless the quota was raised.
        var advice = target.Kind == EnforcementTargetKind.User
            ? " The user already has the most managed policies IAM allows: detach one it no longer needs, or " +
              "enforce MFA through a group with -ViaGroup."
            : " The group already has the most managed policies IAM allows: detach one it no longer needs, or " +
              "attach the enforcement policy to another group of its members with -ViaGroup.";
        var enriched = new IamException(exception.Operation, exception.ErrorCode, exception.Message.TrimEnd() + advice,
            exception.StatusCode, exception.RequestId, exception);
        return new EnforcementFailure(target, enriched);
    }
}
