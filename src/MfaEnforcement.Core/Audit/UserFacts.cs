using System;
using System.Collections.Generic;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// What both paths learn about one user, in one shape, so that <see cref="MfaStatusJudge"/> gives the same answer
/// whichever path read it.
/// </summary>
internal sealed class UserFacts
{
    public UserFacts(IamUserInfo user, bool hasConsolePassword, DateTime? passwordLastUsed, int activeAccessKeys,
        IReadOnlyList<MfaDevice> devices, IReadOnlyList<PolicySource> policies)
    {
        User = user;
        HasConsolePassword = hasConsolePassword;
        PasswordLastUsed = passwordLastUsed;
        ActiveAccessKeys = activeAccessKeys;
        Devices = devices;
        Policies = policies;
    }

    /// <summary>Name, ARN, path, creation date and tags.</summary>
    public IamUserInfo User { get; }

    public bool HasConsolePassword { get; }

    public DateTime? PasswordLastUsed { get; }

    public int ActiveAccessKeys { get; }

    public IReadOnlyList<MfaDevice> Devices { get; }

    /// <summary>Every identity policy that reaches the user, with its document.</summary>
    public IReadOnlyList<PolicySource> Policies { get; }
}
