using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// The root user's row: GetAccountSummary says whether it has MFA (<c>AccountMFAEnabled</c>), and
/// ListVirtualMFADevices, where its device carries the root ARN, tells a virtual device from another kind.
/// See https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html (IAM.6 and IAM.9).
/// </summary>
internal static class RootReader
{
    public static Task<IReadOnlyDictionary<string, int>> ReadSummaryAsync(AuditSession session, CancellationToken ct)
    {
        session.Log("Calling GetAccountSummary for the root user's MFA (AccountMFAEnabled).");
        return session.Client.GetAccountSummaryAsync(ct);
    }

    public static async Task<MfaStatus> BuildAsync(AuditSession session, IReadOnlyDictionary<string, int> summary,
        IReadOnlyList<Iam.VirtualMfaDeviceInfo> virtualDevices, string? userArn, CancellationToken ct)
    {
        var rootDevices = virtualDevices.Where(d => BulkReader.IsRoot(d.UserArn)).ToList();
        var arn = rootDevices.Select(d => d.UserArn).FirstOrDefault()
            ?? (userArn is null ? null : RootArnOf(userArn))
            ?? await CallerRootArnAsync(session, ct).ConfigureAwait(false);

        var findings = new List<string>();
        var devices = rootDevices.Select(d => new MfaDevice(d.SerialNumber, d.EnableDate)).ToList();
        if (devices.Count == 0 && summary.TryGetValue("AccountMFAEnabled", out var enabled) && enabled > 0)
        {
            devices.Add(new MfaDevice(null, MfaDeviceType.Hardware, null));
            findings.Add("The root user's MFA device is not a virtual one, and AWS lists it only to the root user, "
                + "so its serial number is unknown; it may also be a security key.");
        }
        else if (devices.Count > 0)
        {
            findings.Add("Security Hub IAM.6 asks for a hardware MFA device for the root user; this one is virtual.");
        }

        var sorted = MfaStatusJudge.Devices(devices);
        var status = sorted.Count > 0 ? MfaState.Enforced : MfaState.NoMfa;
        var reason = sorted.Count > 0
            ? $"The root user has a {sorted[0].Type.ToString().ToLowerInvariant()} MFA device, which AWS asks for "
                + "at every root sign-in."
            : "The root user has no MFA device, so its password alone signs in (Security Hub IAM.9).";
        summary.TryGetValue("AccountAccessKeysPresent", out var keys);
        return new MfaStatus(
            MfaStatus.RootUserName,
            arn,
            null,
            null,
            true,
            null,
            sorted,
            keys,
            Array.Empty<EnforcementSource>(),
            false,
            status,
            reason,
            findings);
    }

    /// <summary><c>arn:aws:iam::123456789012:user/x</c> gives <c>arn:aws:iam::123456789012:root</c>.</summary>
    private static string? RootArnOf(string arn) => IamArn.Part(arn, IamArn.AccountIndex) is { } account
        ? $"arn:{IamArn.Partition(arn)}:iam::{account}:root"
        : null;

    private static async Task<string> CallerRootArnAsync(AuditSession session, CancellationToken ct)
    {
        session.Log("Calling GetCallerIdentity for the account id of the root user's ARN.");
        var caller = await session.Client.GetCallerIdentityAsync(ct).ConfigureAwait(false);
        return $"arn:{IamArn.Partition(caller.Arn)}:iam::{caller.Account}:root";
    }
}
