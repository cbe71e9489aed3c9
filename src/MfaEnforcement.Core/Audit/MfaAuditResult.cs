using System.Collections.Generic;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Audit;

/// <summary>What an audit found: a status per user (root first) and the users it could not read.</summary>
public sealed class MfaAuditResult
{
    internal MfaAuditResult(MfaAuditPlan plan, IReadOnlyList<MfaStatus> statuses, IReadOnlyList<MfaAuditError> errors)
    {
        Plan = plan;
        Statuses = statuses;
        Errors = errors;
    }

    /// <summary>The path the audit took and why.</summary>
    public MfaAuditPlan Plan { get; }

    /// <summary>One status per user; the root user's row comes first when asked for.</summary>
    public IReadOnlyList<MfaStatus> Statuses { get; }

    /// <summary>Named users that do not exist.</summary>
    public IReadOnlyList<MfaAuditError> Errors { get; }
}

/// <summary>A user the audit could not read, and why.</summary>
public sealed class MfaAuditError
{
    internal MfaAuditError(string userName, IamException exception)
    {
        UserName = userName;
        Exception = exception;
    }

    /// <summary>The user's name as it was given.</summary>
    public string UserName { get; }

    /// <summary>The failure; <see cref="IamException.IsNotFound"/> when the user does not exist.</summary>
    public IamException Exception { get; }
}
