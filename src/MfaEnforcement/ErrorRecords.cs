using System;
using System.Management.Automation;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement;

/// <summary>
/// Builds the module's ErrorRecords: the ErrorId starts with the command's name, the category follows AWS's error
/// code, and the message ends with what to do next.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord FromIam(IamException exception, string commandId, object? target, string? subject)
    {
        var message = subject is null ? exception.Message : $"{subject}: {exception.Message}";
        var advice = Advice(exception);
        if (advice is not null)
        {
            message = $"{message.TrimEnd()} {advice}";
        }

        return new ErrorRecord(exception, commandId + exception.ErrorCode, Category(exception.ErrorCode), target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice ?? string.Empty },
        };
    }

    public static ErrorRecord Invalid(string commandId, string reason, string message, object? target) =>
        new(new ArgumentException(message), commandId + reason, ErrorCategory.InvalidArgument, target);

    private static ErrorCategory Category(string errorCode) => errorCode switch
    {
        "NoSuchEntity" => ErrorCategory.ObjectNotFound,
        "EntityAlreadyExists" => ErrorCategory.ResourceExists,
        "LimitExceeded" or "Throttling" => ErrorCategory.LimitsExceeded,
        "AccessDenied" or "AccessDeniedException" or "InvalidClientTokenId" => ErrorCategory.PermissionDenied,
        "MalformedPolicyDocument" or "InvalidInput" or "ValidationError" or "InvalidAuthenticationCode"
            => ErrorCategory.InvalidArgument,
        "DeleteConflict" => ErrorCategory.ResourceBusy,
        IamException.NoCredentials or IamException.ProfileNotFound or "ExpiredToken" or "SignatureDoesNotMatch"
            => ErrorCategory.AuthenticationError,
        IamException.EndpointUnreachable => ErrorCategory.ConnectionError,
        IamException.InvalidResponse => ErrorCategory.InvalidResult,
        "CredentialReportTimeout" => ErrorCategory.OperationTimeout,
        _ => ErrorCategory.NotSpecified,
    };

    private static string? Advice(IamException exception) => exception.ErrorCode switch
    {
        "NoSuchEntity" => "Check the name, for example with Get-IamUser or Get-IamGroup.",
        "AccessDenied" or "AccessDeniedException" =>
            $"The caller is not allowed to call {Service(exception.Operation)}:{exception.Operation}; grant it, or " +
            "use -ProfileName with a profile that has it. If MFA is enforced for the caller, use New-MfaSession " +
            "first.",
        "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" =>
            "The credentials were refused; refresh them (aws sso login, a new session) or pass another profile.",
        "Throttling" => "IAM kept throttling after every retry; run the command again in a minute.",
        "ServiceFailure" => "IAM failed after every retry; run the command again later.",
        _ => null,
    };

    private static string Service(string operation) =>
        operation is "GetCallerIdentity" or "GetSessionToken" ? "sts" : "iam";
}
