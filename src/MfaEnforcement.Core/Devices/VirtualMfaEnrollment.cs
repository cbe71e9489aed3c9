using System.IO;
using MfaEnforcement.Core.Sessions;
using QRCoder;

namespace MfaEnforcement.Core.Devices;

/// <summary>
/// A virtual MFA device just created, with what the user needs to scan it: the QR code PNG that IAM returned and a
/// text rendering of the same URI for a terminal. Nothing here writes the seed anywhere but where it is asked to.
/// </summary>
public sealed class VirtualMfaEnrollment
{
    private readonly byte[] _qrCodePng;
    private readonly string _otpAuthUri;

    internal VirtualMfaEnrollment(VirtualMfaDevice device, string otpAuthUri, byte[] qrCodePng)
    {
        Device = device;
        _otpAuthUri = otpAuthUri;
        _qrCodePng = qrCodePng;
    }

    /// <summary>The object the command emits.</summary>
    public VirtualMfaDevice Device { get; }

    /// <summary>
    /// Writes IAM's QR code PNG, readable by the owner only (see <see cref="PrivateFile"/>), and records the path
    /// on <see cref="Device"/>. Without <paramref name="overwrite"/> an existing file is an <see cref="IOException"/>.
    /// </summary>
    public void SaveQrCode(string fullPath, bool overwrite)
    {
        PrivateFile.Write(fullPath, _qrCodePng, overwrite);
        Device.QRCodePath = fullPath;
    }

    /// <summary>
    /// The QR code as lines of Unicode half blocks, two modules a character, light modules drawn as blocks so that
    /// it scans on the usual dark terminal background, with the quiet zone around it.
    /// </summary>
    public string RenderQrCode()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(_otpAuthUri, QRCodeGenerator.ECCLevel.M);
        return new AsciiQRCode(data).GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n");
    }
}
