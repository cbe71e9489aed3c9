using System;
using System.Net;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// An IAM or STS call that failed: AWS's error code (NoSuchEntity, EntityAlreadyExists, LimitExceeded, ...), the
/// HTTP status and the request id, or one of this module's codes for failures before AWS answered
/// (<see cref="NoCredentials"/>, <see cref="EndpointUnreachable"/>).
/// </summary>
public sealed class IamException : Exception
{
    /// <summary>No credentials could be found in any source.</summary>
    public const string NoCredentials = "NoCredentials";

    /// <summary>The named profile does not exist or cannot produce credentials.</summary>
    public const string ProfileNotFound = "ProfileNotFound";

    /// <summary>The endpoint could not be reached.</summary>
    public const string EndpointUnreachable = "EndpointUnreachable";

    /// <summary>The response could not be read.</summary>
    public const string InvalidResponse = "InvalidResponse";

    /// <summary>Creates the exception.</summary>
    public IamException(
        string operation,
        string errorCode,
        string message,
        HttpStatusCode? statusCode = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The IAM or STS action that failed.</summary>
    public string Operation { get; }

    /// <summary>AWS's error code, or one of this type's constants.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status AWS answered with, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>AWS's request id, for a support case.</summary>
    public string? RequestId { get; }

    /// <summary>True when the entity does not exist.</summary>
    public bool IsNotFound => ErrorCode == "NoSuchEntity";

    /// <summary>
    /// True when the failure concerns every call alike rather than one user or policy (no credentials, no
    /// endpoint, credentials AWS rejects): a command that works through many items stops instead of failing each.
    /// </summary>
    public bool ConcernsEveryCall => ErrorCode is NoCredentials or ProfileNotFound or EndpointUnreachable
        or "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "MissingAuthenticationToken";
}
