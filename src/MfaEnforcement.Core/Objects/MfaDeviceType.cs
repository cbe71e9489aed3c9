namespace MfaEnforcement;

/// <summary>
/// The kind of an MFA device, told by its serial number: <c>arn:...:mfa/</c> is a virtual (authenticator app)
/// device, <c>arn:...:u2f/</c> a FIDO security key, and anything else a hardware TOTP token.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html.
/// </summary>
public enum MfaDeviceType
{
    /// <summary>An authenticator app (TOTP), serial <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>.</summary>
    Virtual,

    /// <summary>A hardware TOTP token, serial such as <c>GAHT12345678</c>.</summary>
    Hardware,

    /// <summary>A FIDO security key, serial <c>arn:aws:iam::ACCOUNT:u2f/...</c>.</summary>
    SecurityKey,
}
