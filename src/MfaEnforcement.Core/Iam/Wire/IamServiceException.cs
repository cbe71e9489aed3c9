using System;
using System.Net;
using Amazon.Runtime;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// AWS's error as the SDK pipeline sees it; deriving from <see cref="AmazonServiceException"/> is what lets the
/// SDK's retry policy recognise <c>Throttling</c> and 5xx answers.
/// </summary>
internal sealed class IamServiceException : AmazonServiceException
{
    public IamServiceException(
        string message,
        Exception innerException,
        ErrorType errorType,
        string errorCode,
        string requestId,
        HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
