using System.Text;
using System.Text.RegularExpressions;
using IamEndpoint.Account;
using IamEndpoint.Protocol;
using QRCoder;

namespace IamEndpoint.Operations;

/// <summary>
/// MFA devices: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html,
/// API_EnableMFADevice.html, API_DeactivateMFADevice.html, API_DeleteVirtualMFADevice.html,
/// API_ListMFADevices.html, API_ListVirtualMFADevices.html, API_ResyncMFADevice.html.
/// </summary>
internal static partial class MfaOperations
{
    public static void Register(OperationTable table)
    {
        table.Iam("ListVirtualMFADevices", ListVirtualMfaDevices);
        table.Iam("ListMFADevices", ListMfaDevices);
        table.Iam("CreateVirtualMFADevice", CreateVirtualMfaDevice);
        table.IamNoResult("EnableMFADevice", EnableMfaDevice);
        table.IamNoResult("DeactivateMFADevice", DeactivateMfaDevice);
        table.IamNoResult("DeleteVirtualMFADevice", DeleteVirtualMfaDevice);
        table.IamNoResult("ResyncMFADevice", ResyncMfaDevice);
    }

    private static void ListVirtualMfaDevices(OperationContext context)
    {
        string status = context.Request.Optional("AssignmentStatus") ?? "Any";
        if (status is not ("Assigned" or "Unassigned" or "Any"))
        {
            throw Errors.Constraint("AssignmentStatus", status, "satisfy enum value set: [Assigned, Unassigned, Any]");
        }

        var page = PageRequest.From(context.Request);
        Page<MfaDevice> devices = Paging.Take(
            context.Account.MfaDevices.From(page.StartKey).Where(d =>
                d.Type == MfaDeviceType.Virtual &&
                (status == "Any" || d.IsAssigned == (status == "Assigned"))),
            d => d.SerialNumber,
            page);

        XmlResult r = context.Result;
        r.List("VirtualMFADevices", devices.Items, device =>
        {
            r.Value("SerialNumber", device.SerialNumber);
            if (device.User is not null)
            {
                r.Structure("User", () => Shapes.User(r, device.User));
            }
            else if (device.IsRootDevice)
            {
                r.Structure("User", () => Shapes.RootUser(r, context.Account));
            }

            r.Value("EnableDate", device.EnableDate);
        });
        r.PageEnd(devices);
    }

    private static void ListMfaDevices(OperationContext context)
    {
        IamUser? user = CallerDefaults.UserOrRoot(context);
        List<MfaDevice> assigned = user?.MfaDevices ?? context.Account.Root.MfaDevices;
        Page<MfaDevice> devices = Paging.Take(
            assigned.OrderBy(d => d.SerialNumber, StringComparer.Ordinal),
            d => d.SerialNumber,
            PageRequest.From(context.Request));

        XmlResult r = context.Result;
        r.List("MFADevices", devices.Items, device =>
        {
            r.Value("UserName", user?.Name);
            r.Value("SerialNumber", device.SerialNumber);
            r.Value("EnableDate", device.EnableDate);
        });
        r.PageEnd(devices);
    }

    private static void CreateVirtualMfaDevice(OperationContext context)
    {
        AccountState account = context.Account;
        string name = Rules.VirtualMfaDeviceName(context.Request.Required("VirtualMFADeviceName"));
        string path = Rules.Path(context.Request.Optional("Path"));
        List<Tag> tags = Shapes.ReadTags(context.Request);
        string serial = account.VirtualMfaSerial(path, name);
        if (account.MfaDevices.Contains(serial))
        {
            throw Errors.EntityAlreadyExists("MFADevice entity at the same path and name already exists.");
        }

        var device = new MfaDevice
        {
            SerialNumber = serial,
            Type = MfaDeviceType.Virtual,
            Base32Seed = TotpCodes.NewSeed(),
        };
        Rules.MergeTags(device.Tags, tags);
        account.MfaDevices.Add(device);

        // The seed and the QR code are blobs, so both travel base64-encoded, the seed as its base32 text.
        XmlResult r = context.Result;
        r.Structure("VirtualMFADevice", () =>
        {
            r.Value("SerialNumber", serial);
            r.Value("Base32StringSeed", Encoding.ASCII.GetBytes(device.Base32Seed));
            r.Value("QRCodePNG", QrCode(account, name, device.Base32Seed));
            if (device.Tags.Count > 0)
            {
                Shapes.Tags(r, device.Tags);
            }
        });
    }

    private static void EnableMfaDevice(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        MfaDevice device = RequireVirtualDevice(context.Account, SerialNumber(context.Request));
        (string code1, string code2) = AuthenticationCodes(context.Request);
        if (device.IsAssigned)
        {
            throw Errors.EntityAlreadyExists("MFA Device is already in use.");
        }

        if (user.MfaDevices.Count >= Rules.MfaDevicesPerUser)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for MFADevicesPerUser: {Rules.MfaDevicesPerUser}");
        }

        if (!TotpCodes.VerifyConsecutive(device.Base32Seed!, code1, code2, context.Now))
        {
            throw Errors.InvalidAuthenticationCode("Authentication code for device is not valid.");
        }

        context.Account.Assign(device, user, context.Now);
    }

    /// <summary>A virtual device goes back to the unassigned list; other devices are removed.</summary>
    private static void DeactivateMfaDevice(OperationContext context)
    {
        string serial = SerialNumber(context.Request);
        string? userName = context.Request.Optional("UserName");
        IamUser? owner = userName is null ? context.Caller.User : context.Account.RequireUser(Rules.UserName(userName));
        if (!context.Account.MfaDevices.TryGet(serial, out MfaDevice device) || !device.IsAssigned ||
            device.User != owner || (owner is null && !device.IsRootDevice))
        {
            throw Errors.NoSuchEntity($"MFA Device with serial number {serial} does not exist.");
        }

        context.Account.Unassign(device);
    }

    private static void DeleteVirtualMfaDevice(OperationContext context)
    {
        MfaDevice device = RequireVirtualDevice(context.Account, SerialNumber(context.Request));
        if (device.IsAssigned)
        {
            throw Errors.DeleteConflict("MFA Device is still in use.");
        }

        context.Account.MfaDevices.Remove(device);
    }

    private static void ResyncMfaDevice(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        string serial = SerialNumber(context.Request);
        (string code1, string code2) = AuthenticationCodes(context.Request);
        MfaDevice device = user.MfaDevices.Find(d => d.SerialNumber == serial)
            ?? throw Errors.NoSuchEntity($"MFA Device with serial number {serial} does not exist.");
        if (device.Base32Seed is null || !TotpCodes.VerifyConsecutive(device.Base32Seed, code1, code2, context.Now))
        {
            throw Errors.InvalidAuthenticationCode("Authentication code for device is not valid.");
        }
    }

    private static MfaDevice RequireVirtualDevice(AccountState account, string serial) =>
        account.MfaDevices.TryGet(serial, out MfaDevice device) && device.Type == MfaDeviceType.Virtual
            ? device
            : throw Errors.NoSuchEntity($"VirtualMFADevice with serial number {serial} doesn't exist.");

    private static string SerialNumber(QueryParameters request)
    {
        string serial = request.Required("SerialNumber");
        return serial.Length is >= 9 and <= 256 && SerialPattern().IsMatch(serial)
            ? serial
            : throw Errors.Constraint("SerialNumber", serial, @"satisfy regular expression pattern: [\w+=/:,.@-]+");
    }

    private static (string Code1, string Code2) AuthenticationCodes(QueryParameters request)
    {
        string code1 = request.Required("AuthenticationCode1");
        string code2 = request.Required("AuthenticationCode2");
        foreach ((string name, string code) in new[] { ("AuthenticationCode1", code1), ("AuthenticationCode2", code2) })
        {
            if (!CodePattern().IsMatch(code))
            {
                throw Errors.Constraint(name, code, @"satisfy regular expression pattern: [\d]+ of length 6");
            }
        }

        return (code1, code2);
    }

    /// <summary>The otpauth URI that authenticator apps read, as a QR code PNG.</summary>
    private static byte[] QrCode(AccountState account, string deviceName, string seed)
    {
        string label = Uri.EscapeDataString($"Amazon Web Services:{deviceName}@{account.AccountId}");
        string uri = $"otpauth://totp/{label}?secret={seed}&issuer={Uri.EscapeDataString("Amazon Web Services")}";
        return PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.L, 4);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+=/:,.@-]+$")]
    private static partial Regex SerialPattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex CodePattern();
}
