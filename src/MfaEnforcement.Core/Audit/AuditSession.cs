using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// What the reads of one audit share: client, options, policy documents, a limit on requests in flight.
/// </summary>
internal sealed class AuditSession : IDisposable
{
    private readonly SemaphoreSlim _requests;

    public AuditSession(IIamClient client, MfaAuditOptions options)
    {
        Client = client;
        Options = options;
        _requests = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentRequests));
        Policies = new PolicyDocuments(ReadManagedAsync);
    }

    public IIamClient Client { get; }

    public MfaAuditOptions Options { get; }

    /// <summary>
    /// The audit's policy documents: managed ones from GetAccountAuthorizationDetails, or read once with GetPolicy
    /// and GetPolicyVersion, and every document parsed once however many users share it.
    /// </summary>
    public PolicyDocuments Policies { get; }

    public void Dispose() => _requests.Dispose();

    public void Log(string message) => Options.Log?.Invoke(message);

    public void Progress(MfaAuditPhase phase, string activity, string status, int percent = -1) =>
        Options.Progress?.Invoke(new MfaAuditProgress(phase, activity, status, percent));

    public void Completed(MfaAuditPhase phase, string activity) =>
        Options.Progress?.Invoke(new MfaAuditProgress(phase, activity, "Done", 100, completed: true));

    /// <summary>Sends one request of many that may run at once, within the limit of requests in flight.</summary>
    public async Task<T> LimitedAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        await _requests.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _requests.Release();
        }
    }

    /// <summary>Every assigned virtual MFA device of the account, the root user's included.</summary>
    public async Task<IReadOnlyList<VirtualMfaDeviceInfo>> ListVirtualMfaDevicesAsync(CancellationToken ct)
    {
        const string activity = "Listing virtual MFA devices";
        var page = 0;
        var count = 0;
        var devices = await IamPaging.ReadAllAsync(async marker =>
        {
            page++;
            Log($"Calling ListVirtualMFADevices (assigned devices, page {page}).");
            var result = await Client.ListVirtualMfaDevicesAsync("Assigned", marker, IamPaging.MaxPageSize, ct)
                .ConfigureAwait(false);
            count += result.Items.Count;
            Progress(MfaAuditPhase.VirtualMfaDevices, activity, $"Page {page}: {Count(count)} devices");
            return result;
        }).ConfigureAwait(false);
        Completed(MfaAuditPhase.VirtualMfaDevices, activity);
        return devices;
    }

    /// <summary>
    /// Runs independent reads at the same time. When one fails, the others are cancelled and its exception is
    /// thrown, rather than a sibling's cancellation.
    /// </summary>
    public static async Task RunConcurrentlyAsync(
        CancellationToken ct, params Func<CancellationToken, Task>[] streams)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = streams.Select(stream => Watch(stream(linked.Token), linked)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var cause = tasks.Select(t => t.Exception?.InnerException)
                .FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (cause is not null)
            {
                ExceptionDispatchInfo.Capture(cause).Throw();
            }

            throw;
        }
    }

    /// <summary>Writes a count with thousands separators, the way progress shows it.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A managed policy's default document, for a policy the bulk read did not include.</summary>
    private async Task<string?> ReadManagedAsync(string arn, CancellationToken ct)
    {
        var version = await LimitedAsync(() => PolicyDocuments.ReadDefaultVersionAsync(Client, arn, Log, ct), ct)
            .ConfigureAwait(false);
        return version.Document ?? throw new IamException(
            "GetPolicyVersion",
            IamException.InvalidResponse,
            $"IAM returned version {version.VersionId} of {arn} without its document; run the command again.");
    }

    private static async Task Watch(Task task, CancellationTokenSource linked)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            linked.Cancel();
            throw;
        }
    }
}
