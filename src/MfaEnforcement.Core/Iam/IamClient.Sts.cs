using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;

namespace MfaEnforcement.Core.Iam;

/// <summary>STS, through AWSSDK.SecurityToken.</summary>
public sealed partial class IamClient
{
    /// <inheritdoc />
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct)
    {
        try
        {
            var response = await Sts().GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct).ConfigureAwait(false);
            return new CallerIdentity(response.Account, response.Arn, response.UserId);
        }
        catch (Exception e) when (Translate("GetCallerIdentity", e, ct) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public async Task<SessionCredentials> GetSessionTokenAsync(
        int? durationSeconds, string? serialNumber, string? tokenCode, CancellationToken ct)
    {
        var request = new GetSessionTokenRequest
        {
            DurationSeconds = durationSeconds,
            SerialNumber = serialNumber,
            TokenCode = tokenCode,
        };
        try
        {
            var response = await Sts().GetSessionTokenAsync(request, ct).ConfigureAwait(false);
            var credentials = response.Credentials;
            return new SessionCredentials(
                credentials.AccessKeyId,
                credentials.SecretAccessKey,
                credentials.SessionToken,
                (credentials.Expiration ?? DateTime.UtcNow).ToUniversalTime());
        }
        catch (Exception e) when (Translate("GetSessionToken", e, ct) is { } translated)
        {
            throw translated;
        }
    }
}
