using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>The checks that run once, before any write: the caller's own lockout, and who can only enroll.</summary>
public sealed partial class EnforcementPlanner
{
    /// <summary>How many names a warning lists before it says how many more there are.</summary>
    private const int NamesListed = 50;

    private async Task<string?> CheckSafetyAsync(
        EnforcementRequest request, CallerIdentity caller, PlanState state, CancellationToken ct)
    {
        if (state.Exempt.Count > 0)
        {
            state.Warnings.Add($"Skipped {Count(state.Exempt.Count, "user")} tagged " +
                $"'{request.ExemptionTagKey}=true' (exempt from MFA enforcement): {Names(state.Exempt)}. Remove the " +
                "tag from a user who should be enforced, and run the command again.");
        }

        var facts = await ReadSignInsAsync(state.Affected.Keys.ToList(), request.Concurrency, ct).ConfigureAwait(false);

        string? lockout = null;
        var callerName = CallerUserName(caller.Arn);
        if (callerName is not null && state.Affected.TryGetValue(callerName, out var reason))
        {
            facts.TryGetValue(callerName, out var self);
            if (self is null || !self.HasMfa)
            {
                lockout = $"You are signed in as IAM user '{callerName}', {reason} of this change, and " +
                    (self is null ? "your MFA devices could not be read. " : "you have no MFA device. ") +
                    "Once the policy applies, IAM denies you everything but enrolling an MFA device, including " +
                    "undoing this change. Enroll a device first (New-IamVirtualMfaDevice and Enable-IamMfaDevice, " +
                    "or the IAM console), sign in with it (New-MfaSession), and run the command again; or leave " +
                    "yourself out of the targets. Use -Force to apply it anyway.";
            }
            else if (request.CallerAccessKeyId?.Invoke() is { } keyId &&
                keyId.StartsWith("AKIA", StringComparison.Ordinal))
            {
                state.Warnings.Add($"You are signed in as IAM user '{callerName}', {reason} of this change, with a " +
                    $"long-term access key ({keyId}). Once the policy applies, calls signed " +
                    "with that key alone are denied. Get an MFA session for your next commands with New-MfaSession " +
                    "-SerialNumber <your device's ARN> -TokenCode <code>, and use the credentials it returns.");
            }
        }

        var noMfa = facts.Values.Where(f => f.HasPassword && !f.HasMfa).Select(f => f.UserName).ToList();
        if (noMfa.Count > 0)
        {
            state.Warnings.Add($"{Count(noMfa.Count, "user")} can sign in to the console without an MFA device: " +
                $"{Names(noMfa)}. After this change they can sign in, but can do nothing but enroll a device; tell " +
                "them before, or enroll a device for them (New-IamVirtualMfaDevice).");
        }

        var resets = facts.Values.Where(f => f.HasPassword && !f.HasMfa && f.ResetRequired)
            .Select(f => f.UserName).ToList();
        if (resets.Count > 0 && !await AllowsPasswordChangeAsync(state, ct).ConfigureAwait(false))
        {
            state.Warnings.Add($"{Count(resets.Count, "user")} must change their password at the next sign-in: " +
                $"{Names(resets)}. The policy '{state.PolicyArn}' denies iam:ChangePassword without MFA, so they " +
                "could neither change the password nor get to enroll a device. Update the policy with " +
                "New-MfaEnforcementPolicy -AllowPasswordChange, or clear the reset requirement first.");
        }

        return lockout;
    }

    private async Task<IDictionary<string, SignIn>> ReadSignInsAsync(
        IReadOnlyList<string> userNames, int concurrency, CancellationToken ct)
    {
        var facts = new ConcurrentDictionary<string, SignIn>(StringComparer.OrdinalIgnoreCase);
        _monitor.Start("Checking who can sign in without MFA", userNames.Count);
        await Bounded.ForEachAsync(
            userNames,
            concurrency,
            async name =>
            {
                try
                {
                    _monitor.Log($"Calling GetLoginProfile and ListMFADevices for '{name}'.");
                    var profile = await _client.GetLoginProfileAsync(name, ct).ConfigureAwait(false);
                    var devices = await _client.ListMfaDevicesAsync(name, null, 10, ct).ConfigureAwait(false);
                    facts[name] = new SignIn(
                        name, profile is not null, profile?.PasswordResetRequired == true, devices.Items.Count > 0);
                }
                catch (IamException e) when (!e.ConcernsEveryCall)
                {
                    _monitor.Log($"Could not read how '{name}' signs in ({e.ErrorCode}); the warnings leave it out.");
                }

                _monitor.Advance();
            },
            ct).ConfigureAwait(false);
        return facts;
    }

    /// <summary>Whether the policy allows changing one's password without MFA (AllowPasswordChange).</summary>
    private async Task<bool> AllowsPasswordChangeAsync(PlanState state, CancellationToken ct)
    {
        if (!state.PolicyExists)
        {
            return false;
        }

        try
        {
            _monitor.Log($"Calling GetPolicy and GetPolicyVersion for '{state.PolicyArn}' to read its document.");
            var policy = await _client.GetPolicyAsync(state.PolicyArn, ct).ConfigureAwait(false);
            var version = await _client.GetPolicyVersionAsync(state.PolicyArn, policy.DefaultVersionId, ct)
                .ConfigureAwait(false);
            var analysis = EnforcementAnalyzer.Analyze(PolicyReader.Read(version.Document ?? "{}"), policy.PolicyName);
            return analysis.AllowedWithoutMfa.Any(p => PolicyEvaluator.ActionMatches(p, "iam:ChangePassword"));
        }
        catch (Exception e) when (e is IamException or PolicyFormatException)
        {
            _monitor.Log($"Could not read the policy's document ({e.Message}); assuming it denies password changes.");
            return false;
        }
    }

    /// <summary>The user name in an IAM user's ARN (<c>arn:aws:iam::1234:user/path/name</c>); else null.</summary>
    internal static string? CallerUserName(string arn)
    {
        var resource = IamArn.Part(arn, IamArn.ResourceIndex);
        if (IamArn.Part(arn, IamArn.ServiceIndex) != "iam" || resource is null
            || !resource.StartsWith("user/", StringComparison.Ordinal))
        {
            return null;
        }

        return resource.Substring(resource.LastIndexOf('/') + 1);
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Names(IEnumerable<string> names)
    {
        var sorted = names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        var listed = string.Join(", ", sorted.Take(NamesListed));
        return sorted.Count > NamesListed ? $"{listed} and {sorted.Count - NamesListed} more" : listed;
    }

    private sealed record SignIn(string UserName, bool HasPassword, bool ResetRequired, bool HasMfa);
}
