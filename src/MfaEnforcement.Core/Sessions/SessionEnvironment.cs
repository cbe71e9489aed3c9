using System;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// Puts a session into this process's environment, where the AWS SDKs' default chain looks first: the commands of
/// this module, AWS Tools for PowerShell and child processes such as the AWS CLI then use it.
/// </summary>
public static class SessionEnvironment
{
    /// <summary>The variables that are set.</summary>
    public static readonly string[] VariableNames =
        { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" };

    /// <summary>Sets <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>.</summary>
    public static void Apply(SessionCredentials credentials)
    {
        Environment.SetEnvironmentVariable(VariableNames[0], credentials.AccessKeyId);
        Environment.SetEnvironmentVariable(VariableNames[1], credentials.SecretAccessKey);
        Environment.SetEnvironmentVariable(VariableNames[2], credentials.SessionToken);
    }
}
