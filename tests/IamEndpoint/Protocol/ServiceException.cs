namespace IamEndpoint.Protocol;

/// <summary>
/// An error answered in AWS's Query error shape. Codes and statuses follow the IAM and STS API references:
/// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
/// </summary>
internal sealed class ServiceException(string code, int status, string message, bool isSender = true)
    : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    /// <summary>Sender for client faults, Receiver for the service's own.</summary>
    public string FaultType => isSender ? "Sender" : "Receiver";
}

/// <summary>The errors this endpoint answers with, one factory per code.</summary>
internal static class Errors
{
    public static ServiceException NoSuchEntity(string message) => new("NoSuchEntity", 404, message);

    public static ServiceException EntityAlreadyExists(string message) => new("EntityAlreadyExists", 409, message);

    public static ServiceException LimitExceeded(string message) => new("LimitExceeded", 409, message);

    public static ServiceException MalformedPolicyDocument(string message) =>
        new("MalformedPolicyDocument", 400, message);

    public static ServiceException DeleteConflict(string message) => new("DeleteConflict", 409, message);

    public static ServiceException InvalidInput(string message) => new("InvalidInput", 400, message);

    public static ServiceException ValidationError(string message) => new("ValidationError", 400, message);

    public static ServiceException InvalidAuthenticationCode(string message) =>
        new("InvalidAuthenticationCode", 403, message);

    public static ServiceException AccessDenied(string message) => new("AccessDenied", 403, message);

    public static ServiceException Throttling() => new("Throttling", 400, "Rate exceeded");

    public static ServiceException ServiceFailure() =>
        new("ServiceFailure", 500, "The request processing has failed because of an unknown error.", false);

    public static ServiceException MissingAuthenticationToken(string message) =>
        new("MissingAuthenticationToken", 403, message);

    public static ServiceException InvalidClientTokenId() =>
        new("InvalidClientTokenId", 403, "The security token included in the request is invalid.");

    public static ServiceException ExpiredToken() =>
        new("ExpiredToken", 403, "The security token included in the request is expired");

    public static ServiceException MissingAction() => new("MissingAction", 400, "Missing Action");

    public static ServiceException InvalidAction(string action, string? version) =>
        new("InvalidAction", 400, $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}");

    public static ServiceException ReportNotPresent() =>
        new("ReportNotPresent", 410, "Credential report not present. Call GenerateCredentialReport first.");

    public static ServiceException ReportInProgress() =>
        new("ReportInProgress", 404, "Credential report is being generated. Try again in a moment.");

    /// <summary>The wording AWS uses for a parameter that breaks its model constraints.</summary>
    public static ServiceException Constraint(string parameter, string? value, string constraint)
    {
        string shown = value is null ? "null" : $"'{value}'";
        return ValidationError(
            $"1 validation error detected: Value {shown} at '{CamelCase(parameter)}' failed to satisfy constraint: " +
            $"Member must {constraint}");
    }

    public static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
