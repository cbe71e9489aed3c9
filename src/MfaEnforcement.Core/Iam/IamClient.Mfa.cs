using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Iam;

/// <summary>MFA devices.</summary>
public sealed partial class IamClient
{
    /// <inheritdoc />
    public Task<Page<VirtualMfaDeviceInfo>> ListVirtualMfaDevicesAsync(
        string? assignmentStatus, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListVirtualMFADevices",
            new QueryParameters().Add("AssignmentStatus", assignmentStatus).Paging(marker, maxItems),
            r => new Page<VirtualMfaDeviceInfo>(
                r.Members("VirtualMFADevices")
                    .Select(d =>
                    {
                        var user = d.Child("User");
                        return new VirtualMfaDeviceInfo(
                            d.Text("SerialNumber"),
                            user?.OptionalText("UserName"),
                            user?.OptionalText("Arn"),
                            d.OptionalDate("EnableDate"));
                    })
                    .ToList(),
                r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<Page<MfaDeviceInfo>> ListMfaDevicesAsync(
        string? userName, string? marker, int maxItems, CancellationToken ct) =>
        CallAsync(
            "ListMFADevices",
            new QueryParameters().Add("UserName", userName).Paging(marker, maxItems),
            r => new Page<MfaDeviceInfo>(
                r.Members("MFADevices")
                    .Select(d => new MfaDeviceInfo(
                        d.Text("UserName"), d.Text("SerialNumber"), d.OptionalDate("EnableDate")))
                    .ToList(),
                r.NextMarker()),
            ct);

    /// <inheritdoc />
    public Task<NewVirtualMfaDevice> CreateVirtualMfaDeviceAsync(
        string deviceName, string? path, CancellationToken ct) =>
        CallAsync(
            "CreateVirtualMFADevice",
            new QueryParameters().Add("VirtualMFADeviceName", deviceName).Add("Path", path),
            r =>
            {
                var device = r.Child("VirtualMFADevice")!;
                return new NewVirtualMfaDevice(
                    device.Text("SerialNumber"),
                    Convert.FromBase64String(device.Text("Base32StringSeed")),
                    Convert.FromBase64String(device.Text("QRCodePNG")));
            },
            ct);

    /// <inheritdoc />
    public Task EnableMfaDeviceAsync(
        string userName, string serialNumber, string code1, string code2, CancellationToken ct) =>
        CallAsync(
            "EnableMFADevice",
            new QueryParameters()
                .Add("UserName", userName)
                .Add("SerialNumber", serialNumber)
                .Add("AuthenticationCode1", code1)
                .Add("AuthenticationCode2", code2),
            ct);

    /// <inheritdoc />
    public Task DeactivateMfaDeviceAsync(string userName, string serialNumber, CancellationToken ct) =>
        CallAsync(
            "DeactivateMFADevice",
            new QueryParameters().Add("UserName", userName).Add("SerialNumber", serialNumber),
            ct);

    /// <inheritdoc />
    public Task DeleteVirtualMfaDeviceAsync(string serialNumber, CancellationToken ct) =>
        CallAsync("DeleteVirtualMFADevice", new QueryParameters().Add("SerialNumber", serialNumber), ct);
}
