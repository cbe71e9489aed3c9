using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Devices;

/// <summary>
/// Admin-side MFA enrollment and the lost-device reset, over <see cref="IIamClient"/>. See
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_lost-or-broken.html.
/// </summary>
public sealed class MfaDeviceManager
{
    private readonly IIamClient _client;

    /// <summary>Creates the manager.</summary>
    public MfaDeviceManager(IIamClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>
    /// CreateVirtualMFADevice for a user found with GetUser: the device is created unassigned, and
    /// EnableMFADevice assigns it. The seed leaves this method only inside SecureStrings and the QR code.
    /// </summary>
    public async Task<VirtualMfaEnrollment> CreateVirtualAsync(
        IamUserInfo user, string deviceName, CancellationToken ct)
    {
        var created = await _client.CreateVirtualMfaDeviceAsync(deviceName, null, ct).ConfigureAwait(false);
        var seed = Encoding.ASCII.GetString(created.Base32StringSeed);
        var accountId = MfaSerialNumber.AccountId(created.SerialNumber) ?? MfaSerialNumber.AccountId(user.Arn);
        var uri = OtpAuthUri.Build(deviceName, accountId, seed);
        var device = new VirtualMfaDevice(
            user.UserName, deviceName, created.SerialNumber, Secrets.Protect(seed), Secrets.Protect(uri));
        return new VirtualMfaEnrollment(device, uri, created.QrCodePng);
    }

    /// <summary>Every MFA device assigned to the user (a null name means the caller), through all pages.</summary>
    public Task<List<MfaDeviceInfo>> ListDevicesAsync(string? userName, CancellationToken ct) =>
        IamPaging.ReadAllAsync(marker => _client.ListMfaDevicesAsync(userName, marker, IamPaging.MaxPageSize, ct));

    /// <summary>
    /// True when the serial number is a virtual device that no user holds, such as one created for an enrollment
    /// that was never finished: deleting it concerns no one's sign-in.
    /// </summary>
    public async Task<bool> IsUnassignedVirtualAsync(string serialNumber, CancellationToken ct)
    {
        if (!MfaSerialNumber.IsVirtual(serialNumber))
        {
            return false;
        }

        var unassigned = await IamPaging.ReadAllAsync(marker =>
            _client.ListVirtualMfaDevicesAsync("Unassigned", marker, IamPaging.MaxPageSize, ct)).ConfigureAwait(false);
        return unassigned.Exists(d => string.Equals(d.SerialNumber, serialNumber, StringComparison.Ordinal));
    }

    /// <summary>DeleteVirtualMFADevice for a device that no user holds.</summary>
    public Task DeleteUnassignedAsync(string serialNumber, CancellationToken ct) =>
        _client.DeleteVirtualMfaDeviceAsync(serialNumber, ct);

    /// <summary>
    /// Resets one device: DeactivateMFADevice, then DeleteVirtualMFADevice for a virtual one (a hardware token or
    /// security key is only deactivated; it can be enabled again later).
    /// </summary>
    public async Task ResetAsync(string userName, string serialNumber, CancellationToken ct)
    {
        await _client.DeactivateMfaDeviceAsync(userName, serialNumber, ct).ConfigureAwait(false);
        if (MfaSerialNumber.IsVirtual(serialNumber))
        {
            await _client.DeleteVirtualMfaDeviceAsync(serialNumber, ct).ConfigureAwait(false);
        }
    }
}
