using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using MfaEnforcement.Core.Iam.Wire;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// <see cref="IIamClient"/> over the wire: IAM through <see cref="IamServiceClient"/> on AWSSDK.Core, STS through
/// AWSSDK.SecurityToken. AWS's errors and network failures leave it as <see cref="IamException"/> only.
/// </summary>
public sealed partial class IamClient : IIamClient, IDisposable
{
    private readonly IamServiceClient _iam;
    private readonly IamServiceClient _bulkIam;
    private readonly AWSCredentials _credentials;
    private readonly IamConnectionOptions _options;
    private readonly string? _region;
    private AmazonSecurityTokenServiceClient? _sts;

    private readonly HttpClientFactory? _httpClientFactory;

    /// <summary>Resolves credentials and the endpoint; throws <see cref="IamException"/> when none are found.</summary>
    public IamClient(IamConnectionOptions options)
        : this(options, null)
    {
    }

    /// <summary>Sends every request through <paramref name="handler"/> instead of the network (tests).</summary>
    internal IamClient(IamConnectionOptions options, HttpMessageHandler? handler)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _httpClientFactory = handler is null ? null : new HandlerHttpClientFactory(handler);
        var config = CreateConfig(options.MaxErrorRetry);
        _credentials = ResolveCredentials(options, config, out _region);
        Partition = IamPartition.FromRegion(_region);
        ApplyEndpoint(config);

        _iam = new IamServiceClient(_credentials, config);
        var bulkConfig = CreateConfig(options.BulkReadMaxErrorRetry);
        ApplyEndpoint(bulkConfig);
        _bulkIam = new IamServiceClient(_credentials, bulkConfig);
        Endpoint = config.ServiceURL ?? Partition.Endpoint;
    }

    /// <summary>The IAM endpoint requests go to.</summary>
    public string Endpoint { get; }

    /// <summary>The partition of the account.</summary>
    public IamPartition Partition { get; }

    /// <summary>The access key id that signs requests (never the secret), for safety checks and messages.</summary>
    public string AccessKeyId => _credentials.GetCredentials().AccessKey;

    /// <inheritdoc />
    public void Dispose()
    {
        _iam.Dispose();
        _bulkIam.Dispose();
        _sts?.Dispose();
    }

    private async Task<XElement> CallAsync(string action, QueryParameters parameters, CancellationToken ct)
    {
        try
        {
            var client = IsBulkRead(action) ? _bulkIam : _iam;
            var response = await client.CallAsync(action, parameters, ct).ConfigureAwait(false);
            return response.Result;
        }
        catch (Exception e) when (Translate(action, e, ct) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<T> CallAsync<T>(
        string action, QueryParameters parameters, Func<XElement, T> read, CancellationToken ct)
    {
        var result = await CallAsync(action, parameters, ct).ConfigureAwait(false);
        try
        {
            return read(result);
        }
        catch (Exception e) when (e is FormatException or OverflowException or XmlException)
        {
            throw new IamException(
                action, IamException.InvalidResponse,
                $"The answer to {action} from {Endpoint} could not be read: {e.Message}", innerException: e);
        }
    }

    /// <summary>
    /// Turns what the SDK throws into <see cref="IamException"/>; cancellation by the caller stays as it is.
    /// </summary>
    private IamException? Translate(string operation, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && ct.IsCancellationRequested)
        {
            return null;
        }

        if (exception is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode))
        {
            return new IamException(
                operation, service.ErrorCode, service.Message, service.StatusCode, service.RequestId, service);
        }

        if (exception is HttpRequestException or IOException or OperationCanceledException
            or AmazonServiceException or AmazonClientException)
        {
            var cause = exception.InnerException?.Message ?? exception.Message;
            return new IamException(
                operation, IamException.EndpointUnreachable,
                $"Could not reach {Endpoint} for {operation}: {cause.TrimEnd('.')}. Check -EndpointUrl, " +
                "AWS_ENDPOINT_URL_IAM and AWS_ENDPOINT_URL, the network and any proxy.",
                innerException: exception);
        }

        return null;
    }

    private static bool IsBulkRead(string action) =>
        action.StartsWith("List", StringComparison.Ordinal) || action is "GetGroup" or "GetAccountAuthorizationDetails";

    private IamClientConfig CreateConfig(int maxErrorRetry)
    {
        var config = new IamClientConfig { MaxErrorRetry = maxErrorRetry, ThrottleRetries = false };
        if (_httpClientFactory is not null)
        {
            config.HttpClientFactory = _httpClientFactory;
        }

        return config;
    }

    /// <summary>
    /// Sets the endpoint override or the partition's region, so the SDK never probes instance metadata for one.
    /// </summary>
    private void ApplyEndpoint(IamClientConfig config)
    {
        if (!string.IsNullOrEmpty(_options.EndpointUrl))
        {
            config.ServiceURL = _options.EndpointUrl;
            config.AuthenticationRegion = Partition.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Partition.SigningRegion);
        }
    }

    private AmazonSecurityTokenServiceClient Sts()
    {
        if (_sts is not null)
        {
            return _sts;
        }

        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = _options.MaxErrorRetry,
            ThrottleRetries = false,
        };
        if (_httpClientFactory is not null)
        {
            config.HttpClientFactory = _httpClientFactory;
        }

        if (!string.IsNullOrEmpty(_options.EndpointUrl))
        {
            config.ServiceURL = _options.EndpointUrl;
            config.AuthenticationRegion = _region ?? Partition.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(_region ?? Partition.SigningRegion);
        }

        return _sts = new AmazonSecurityTokenServiceClient(_credentials, config);
    }

    private static AWSCredentials ResolveCredentials(
        IamConnectionOptions options, ClientConfig config, out string? region)
    {
        region = options.Region;
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        }

        if (!string.IsNullOrEmpty(options.ProfileName))
        {
            return ResolveProfile(options.ProfileName!, config, ref region);
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
        }
        catch (Exception e) when (e is AmazonClientException or InvalidOperationException)
        {
            throw new IamException(
                "ResolveCredentials", IamException.NoCredentials,
                "No AWS credentials were found. Tried: the environment variables AWS_ACCESS_KEY_ID and " +
                "AWS_SECRET_ACCESS_KEY, the profile named by AWS_PROFILE (or 'default') in the shared config and " +
                "credentials files, web identity, container and instance credentials. Configure one with " +
                "'aws configure' or 'aws configure sso', set the two environment variables, or pass -ProfileName " +
                "or -Credential.",
                innerException: e);
        }
    }

    private static AWSCredentials ResolveProfile(string profileName, ClientConfig config, ref string? region)
    {
        // The SDK settles the credentials file's location once per process, and takes AWS_SHARED_CREDENTIALS_FILE
        // only if that file existed then; a file created later (New-MfaSession -SaveAsProfile) is named explicitly.
        var configured = Sessions.SharedCredentialsFile.Configured();
        var chain = configured is null
            ? new CredentialProfileStoreChain()
            : new CredentialProfileStoreChain(configured.Path);
        if (!chain.TryGetProfile(profileName, out var profile))
        {
            throw new IamException(
                "ResolveCredentials", IamException.ProfileNotFound,
                $"The profile '{profileName}' is not in the shared config or credentials file. Create it with " +
                $"'aws configure --profile {profileName}', or check AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.");
        }

        if (!chain.TryGetAWSCredentials(profileName, out var credentials))
        {
            throw new IamException(
                "ResolveCredentials", IamException.ProfileNotFound,
                $"The profile '{profileName}' exists but gives no usable credentials: it needs aws_access_key_id " +
                "and aws_secret_access_key, a role_arn with a source, an SSO session or a credential_process.");
        }

        region ??= profile.Region?.SystemName;
        config.Profile = new Profile(profileName);
        return credentials;
    }

    private sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}
