using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Devices;
using Xunit;

namespace MfaEnforcement.Tests.Devices;

public sealed class MfaDeviceManagerTests : IDisposable
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private readonly string _folder = Directory.CreateTempSubdirectory("mfa-devices-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task CreateVirtual_KeepsTheSeedInASecureString()
    {
        var enrollment = await CreateAsync();

        Assert.Equal(FakeMfaIamClient.Seed, Plain(enrollment.Device.Base32StringSeed));
    }

    [Fact]
    public async Task CreateVirtual_BuildsTheOtpAuthUriFromSeedAndAccount()
    {
        var enrollment = await CreateAsync();

        Assert.Equal(
            OtpAuthUri.Build("alice-phone", FakeMfaIamClient.AccountId, FakeMfaIamClient.Seed),
            Plain(enrollment.Device.OtpAuthUri));
    }

    [Fact]
    public async Task CreateVirtual_ReturnsSerialUserAndDeviceName()
    {
        var device = (await CreateAsync()).Device;

        Assert.Equal(
            (FakeMfaIamClient.VirtualSerial("alice-phone"), "alice", "alice-phone"),
            (device.SerialNumber, device.UserName, device.DeviceName));
    }

    [Fact]
    public async Task CreateVirtual_ObjectTextNeverShowsTheSeed()
    {
        var device = (await CreateAsync()).Device;

        Assert.DoesNotContain(FakeMfaIamClient.Seed, device.ToString());
    }

    [Fact]
    public async Task SaveQrCode_WritesIamsPng()
    {
        var enrollment = await CreateAsync();
        var path = Path.Combine(_folder, "alice.png");

        enrollment.SaveQrCode(path, overwrite: false);

        Assert.Equal(FakeMfaIamClient.Png, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task SaveQrCode_RecordsThePathOnTheDevice()
    {
        var enrollment = await CreateAsync();
        var path = Path.Combine(_folder, "alice.png");

        enrollment.SaveQrCode(path, overwrite: false);

        Assert.Equal(path, enrollment.Device.QRCodePath);
    }

    [Fact]
    public async Task SaveQrCode_IsReadableByTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var enrollment = await CreateAsync();
        var path = Path.Combine(_folder, "alice.png");

        enrollment.SaveQrCode(path, overwrite: false);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task SaveQrCode_WithoutOverwrite_RefusesAnExistingFile()
    {
        var enrollment = await CreateAsync();
        var path = Path.Combine(_folder, "alice.png");
        File.WriteAllText(path, "keep");

        Assert.Throws<IOException>(() => enrollment.SaveQrCode(path, overwrite: false));
    }

    [Fact]
    public async Task RenderQrCode_DrawsBlocks()
    {
        var text = (await CreateAsync()).RenderQrCode();

        Assert.Contains("█", text);
    }

    [Fact]
    public async Task RenderQrCode_DoesNotSpellOutTheSeed()
    {
        var text = (await CreateAsync()).RenderQrCode();

        Assert.DoesNotContain(FakeMfaIamClient.Seed.Substring(0, 8), text);
    }

    [Fact]
    public async Task Reset_Virtual_DeactivatesThenDeletes()
    {
        var (client, fake) = FakeMfaIamClient.Create("alice");
        var serial = FakeMfaIamClient.VirtualSerial("alice");
        fake.Assigned[serial] = "alice";

        await new MfaDeviceManager(client).ResetAsync("alice", serial, s_none);

        Assert.Equal(["DeactivateMfaDevice", "DeleteVirtualMfaDevice"], fake.Calls);
    }

    [Fact]
    public async Task Reset_Hardware_OnlyDeactivates()
    {
        var (client, fake) = FakeMfaIamClient.Create("alice");
        fake.Assigned["GAHT12345678"] = "alice";

        await new MfaDeviceManager(client).ResetAsync("alice", "GAHT12345678", s_none);

        Assert.Equal(["DeactivateMfaDevice"], fake.Calls);
    }

    [Fact]
    public async Task IsUnassignedVirtual_FindsALeftOverDevice()
    {
        var (client, fake) = FakeMfaIamClient.Create("alice");
        fake.Unassigned.Add(FakeMfaIamClient.VirtualSerial("alice"));

        var manager = new MfaDeviceManager(client);

        Assert.True(await manager.IsUnassignedVirtualAsync(FakeMfaIamClient.VirtualSerial("alice"), s_none));
    }

    [Fact]
    public async Task IsUnassignedVirtual_IsFalseForAnAssignedDevice()
    {
        var (client, fake) = FakeMfaIamClient.Create("alice", "bob");
        fake.Assigned[FakeMfaIamClient.VirtualSerial("bob")] = "bob";

        var manager = new MfaDeviceManager(client);

        Assert.False(await manager.IsUnassignedVirtualAsync(FakeMfaIamClient.VirtualSerial("bob"), s_none));
    }

    [Fact]
    public async Task ListDevices_ReturnsOnlyTheUsersDevices()
    {
        var (client, fake) = FakeMfaIamClient.Create("alice", "bob");
        fake.Assigned[FakeMfaIamClient.VirtualSerial("alice")] = "alice";
        fake.Assigned[FakeMfaIamClient.VirtualSerial("bob")] = "bob";

        var devices = await new MfaDeviceManager(client).ListDevicesAsync("alice", s_none);

        Assert.Equal(FakeMfaIamClient.VirtualSerial("alice"), Assert.Single(devices).SerialNumber);
    }

    private static async Task<VirtualMfaEnrollment> CreateAsync()
    {
        var (client, _) = FakeMfaIamClient.Create("alice");
        var user = await client.GetUserAsync("alice", s_none);
        return await new MfaDeviceManager(client).CreateVirtualAsync(user, "alice-phone", s_none);
    }

    private static string Plain(System.Security.SecureString value) =>
        new NetworkCredential(string.Empty, value).Password;
}
