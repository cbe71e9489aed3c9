using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Tests.Devices;

/// <summary>
/// An <see cref="IIamClient"/> that answers the MFA device and session actions from memory and records each call;
/// any other action fails the test. Built as a DispatchProxy so it needs no stub for the actions it never serves.
/// </summary>
public class FakeMfaIamClient : DispatchProxy
{
    public const string AccountId = "123456789012";
    public const string Seed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    public List<string> Calls { get; } = [];

    public HashSet<string> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Assigned devices: serial number to user name.</summary>
    public Dictionary<string, string> Assigned { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Unassigned { get; } = new(StringComparer.Ordinal);

    public string CallerName { get; set; } = "alice";

    public static (IIamClient Client, FakeMfaIamClient Fake) Create(params string[] users)
    {
        var client = Create<IIamClient, FakeMfaIamClient>();
        var fake = (FakeMfaIamClient)(object)client;
        fake.Users.UnionWith(users);
        return (client, fake);
    }

    public static string VirtualSerial(string name) => $"arn:aws:iam::{AccountId}:mfa/{name}";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod!.Name;
        var a = args!;
        Calls.Add(name.Replace("Async", string.Empty));
        return name switch
        {
            nameof(IIamClient.GetUserAsync) => Task.FromResult(GetUser((string?)a[0] ?? CallerName)),
            nameof(IIamClient.CreateVirtualMfaDeviceAsync) => Task.FromResult(Create((string)a[0]!)),
            nameof(IIamClient.ListMfaDevicesAsync) => Task.FromResult(ListDevices((string?)a[0] ?? CallerName)),
            nameof(IIamClient.ListVirtualMfaDevicesAsync) => Task.FromResult(new Page<VirtualMfaDeviceInfo>(
                Unassigned.Select(s => new VirtualMfaDeviceInfo(s, null, null, null)).ToList(), null)),
            nameof(IIamClient.DeactivateMfaDeviceAsync) => Run(() => Deactivate((string)a[1]!)),
            nameof(IIamClient.DeleteVirtualMfaDeviceAsync) => Run(() => Unassigned.Remove((string)a[0]!)),
            nameof(IIamClient.GetCallerIdentityAsync) => Task.FromResult(
                new CallerIdentity(AccountId, UserArn(CallerName), "AIDAEXAMPLE")),
            _ => throw new NotSupportedException($"The fake does not serve {name}."),
        };
    }

    private static string UserArn(string name) => $"arn:aws:iam::{AccountId}:user/{name}";

    private static Task Run(Func<bool> action)
    {
        action();
        return Task.CompletedTask;
    }

    private bool Deactivate(string serial) =>
        Assigned.Remove(serial) && (!serial.Contains(":mfa/") || Unassigned.Add(serial));

    private IamUserInfo GetUser(string name) => Users.Contains(name)
        ? new IamUserInfo(name, "AIDA" + name.ToUpperInvariant(), UserArn(name), "/", DateTime.UtcNow, null,
            new Dictionary<string, string>())
        : throw new IamException("GetUser", "NoSuchEntity", $"The user with name {name} cannot be found.");

    private NewVirtualMfaDevice Create(string deviceName)
    {
        var serial = VirtualSerial(deviceName);
        if (Unassigned.Contains(serial) || Assigned.ContainsKey(serial))
        {
            throw new IamException("CreateVirtualMFADevice", "EntityAlreadyExists", "The device exists.");
        }

        Unassigned.Add(serial);
        return new NewVirtualMfaDevice(serial, Encoding.ASCII.GetBytes(Seed), Png);
    }

    private Page<MfaDeviceInfo> ListDevices(string userName) => new(
        Assigned.Where(d => string.Equals(d.Value, userName, StringComparison.OrdinalIgnoreCase))
            .Select(d => new MfaDeviceInfo(d.Value, d.Key, DateTime.UtcNow))
            .ToList(),
        null);
}
