using System;
using System.Collections.Generic;
using System.Globalization;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// Remembers a session in a profile of the shared credentials file, where the AWS CLI, the SDKs, AWS Tools for
/// PowerShell and this module find it by name. Beside the three standard keys it writes <c>x_mfa_serial</c>,
/// <c>x_mfa_source</c> and <c>x_mfa_expiration</c>, which the SDKs ignore, to know later whether it can be reused.
/// </summary>
public sealed class ProfileSessionStore : ISessionStore
{
    /// <summary>The key of the device's serial number.</summary>
    public const string SerialKey = "x_mfa_serial";

    /// <summary>The key of the source.</summary>
    public const string SourceKey = "x_mfa_source";

    /// <summary>The key of the expiration, ISO 8601 UTC.</summary>
    public const string ExpirationKey = "x_mfa_expiration";

    private const string AccessKeyIdKey = "aws_access_key_id";
    private const string SecretKey = "aws_secret_access_key";
    private const string TokenKey = "aws_session_token";

    private readonly SharedCredentialsFile _file;
    private readonly string _profileName;

    /// <summary>The store for one profile of a file.</summary>
    public ProfileSessionStore(SharedCredentialsFile file, string profileName)
    {
        _file = file;
        _profileName = profileName;
    }

    /// <inheritdoc />
    public string Description => $"profile '{_profileName}' of '{_file.Path}'";

    /// <inheritdoc />
    public StoredSession? Find(string source, string? serialNumber)
    {
        var values = CredentialsFileText.ReadProfile(_file.ReadText(), _profileName);
        if (values is null ||
            !values.TryGetValue(AccessKeyIdKey, out var keyId) ||
            !values.TryGetValue(SecretKey, out var secret) ||
            !values.TryGetValue(TokenKey, out var token) ||
            !values.TryGetValue(SerialKey, out var serial) ||
            !values.TryGetValue(SourceKey, out var storedSource) ||
            !values.TryGetValue(ExpirationKey, out var expirationText) ||
            !DateTime.TryParse(
                expirationText, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var expiration))
        {
            return null;
        }

        return new StoredSession(storedSource, serial, new SessionCredentials(keyId, secret, token, expiration));
    }

    /// <inheritdoc />
    public void CheckCanSave()
    {
        var values = CredentialsFileText.ReadProfile(_file.ReadText(), _profileName);
        if (values is not null && values.ContainsKey(AccessKeyIdKey) && !values.ContainsKey(TokenKey))
        {
            throw new MfaSessionException(
                MfaSessionException.ProfileHoldsLongTermKey,
                $"The profile '{_profileName}' in '{_file.Path}' holds a long-term access key, which saving the " +
                "session there would overwrite. Choose another name for the session's profile, such as " +
                $"'{_profileName}-mfa', and keep this one as the source with -ProfileName {_profileName}.");
        }
    }

    /// <inheritdoc />
    public void Save(StoredSession session, DateTime utcNow)
    {
        var text = _file.ReadText();
        var credentials = session.Credentials;
        var updated = CredentialsFileText.SetProfile(text, _profileName, new[]
        {
            Pair(AccessKeyIdKey, credentials.AccessKeyId),
            Pair(SecretKey, credentials.SecretAccessKey),
            Pair(TokenKey, credentials.SessionToken),
            Pair(SerialKey, session.SerialNumber),
            Pair(SourceKey, session.Source),
            Pair(ExpirationKey, credentials.Expiration.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ")),
        });
        if (!string.Equals(updated, text, StringComparison.Ordinal))
        {
            _file.WriteText(updated);
        }
    }

    private static KeyValuePair<string, string?> Pair(string key, string value) => new(key, value);
}
