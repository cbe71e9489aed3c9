using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Audit;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// The connection parameters every command that calls AWS shares, the client they build, and cancellation:
/// Ctrl+C (StopProcessing) cancels the call in flight.
/// </summary>
public abstract class IamCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private IamClient? _client;

    /// <summary>A profile of the shared AWS config or credentials file, SSO and assume-role ones included.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>A region: for IAM it selects the partition; it is also STS's region.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>Another endpoint for IAM and STS, such as a local test endpoint.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>An access key id (user name) and secret access key (password).</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The command's name without the hyphen: the start of every ErrorId it writes.</summary>
    protected string CommandId => MyInvocation.MyCommand.Name.Replace("-", string.Empty);

    /// <summary>The IAM client, built on first use from the connection parameters.</summary>
    protected IIamClient Client => _client ??= Connect();

    /// <inheritdoc />
    public void Dispose()
    {
        _client?.Dispose();
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>Waits for a Core call; Ctrl+C ends the pipeline rather than surfacing as an error.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return call(CancellationToken).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Waits for a Core call that reports as it goes: its verbose lines and progress, posted from Core's threads,
    /// are written here as they arrive, and <paramref name="onTick"/> runs at least every 200 ms meanwhile.
    /// </summary>
    internal T AwaitReported<T>(Func<CoreReporter, CancellationToken, Task<T>> call, Action? onTick = null)
    {
        // Connecting writes verbose output and errors, so it happens here, on the pipeline thread.
        _ = Client;
        using var reporter = new CoreReporter();
        var task = Task.Run(() => call(reporter, CancellationToken));
        task.ContinueWith(_ => reporter.Wake(), TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            reporter.WriteQueued(this, TimeSpan.FromMilliseconds(200));
            onTick?.Invoke();
        }

        reporter.WriteQueued(this, TimeSpan.Zero);
        return Await(_ => task);
    }

    /// <summary>Waits for a Core call that returns nothing.</summary>
    protected void Await(Func<CancellationToken, Task> call) =>
        Await<bool>(async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Reads the MFA status of <paramref name="userNames"/> (per user, as <c>Get-IamMfaStatus -UserName</c> does)
    /// and writes it: what <c>-PassThru</c> emits after a change. A user that cannot be read gets an error.
    /// </summary>
    protected void WriteMfaStatuses(IReadOnlyList<string> userNames)
    {
        var audit = AwaitReported((reporter, ct) => new MfaAuditor(Client, new MfaAuditOptions { Log = reporter.Log })
            .AuditAsync(MfaAuditScope.ForUsers(userNames), ct));
        WriteObject(audit.Statuses, enumerateCollection: true);
        foreach (var error in audit.Errors)
        {
            WriteIamError(error.Exception, error.UserName, $"User '{error.UserName}'");
        }
    }

    /// <summary>A non-terminating error for one item; the pipeline goes on.</summary>
    protected void WriteIamError(IamException exception, object? target, string? subject = null) =>
        WriteError(ErrorRecords.FromIam(exception, CommandId, target, subject));

    /// <summary>A terminating error for the whole call.</summary>
    protected void ThrowIamError(IamException exception, object? target, string? subject = null) =>
        ThrowTerminatingError(ErrorRecords.FromIam(exception, CommandId, target, subject));

    /// <summary>A non-terminating error for bad input of one item.</summary>
    protected void WriteInvalid(string reason, string message, object? target) =>
        WriteError(ErrorRecords.Invalid(CommandId, reason, message, target));

    /// <summary>A terminating error for input that makes the whole call meaningless.</summary>
    protected void ThrowInvalid(string reason, string message, object? target) =>
        ThrowTerminatingError(ErrorRecords.Invalid(CommandId, reason, message, target));

    private IamClient Connect()
    {
        var options = new IamConnectionOptions
        {
            ProfileName = ProfileName,
            Region = Region,
            EndpointUrl = EndpointUrl,
            AccessKeyId = Credential?.UserName,
            SecretAccessKey = Credential?.GetNetworkCredential().Password,
        };
        try
        {
            var client = new IamClient(options);
            WriteVerbose($"Using IAM at '{client.Endpoint}' (partition '{client.Partition}').");
            return client;
        }
        catch (IamException e)
        {
            ThrowIamError(e, ProfileName);
            throw;
        }
    }
}
