namespace MfaEnforcement.Core.Iam;

/// <summary>
/// How to reach AWS: every value is optional, and what is not given comes from the SDK's default chain
/// (environment variables, <c>AWS_PROFILE</c>, the shared config and credentials files, SSO and assume-role
/// profiles, <c>AWS_ENDPOINT_URL_IAM</c> / <c>AWS_ENDPOINT_URL</c>).
/// </summary>
public sealed class IamConnectionOptions
{
    /// <summary>A profile of the shared config or credentials file.</summary>
    public string? ProfileName { get; set; }

    /// <summary>A region; for IAM it only selects the partition (cn-*, us-gov-*), and it is STS's region.</summary>
    public string? Region { get; set; }

    /// <summary>Another endpoint for IAM and STS, such as a local test endpoint or a VPC endpoint.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>An explicit access key id; with <see cref="SecretAccessKey"/> it bypasses the default chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret of <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The session token, for temporary credentials.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Retries after throttling, 5xx answers and network errors, with the SDK's standard backoff; more than the
    /// SDK's default of 2, yet few enough that an unreachable endpoint fails within seconds. The SDK's
    /// process-wide retry quota is switched off: the module already bounds its concurrency, and once a bulk run
    /// of thousands had drained that quota, even the one call that concerns the whole run (the caller's identity,
    /// the policy) would fail on its first throttled answer instead of waiting and trying again.
    /// </summary>
    public int MaxErrorRetry { get; set; } = 5;

    /// <summary>
    /// Retries for the paged reads of an audit (List*, GetGroup, GetAccountAuthorizationDetails): reading thousands
    /// of users meets IAM's rate limits, and giving up on page 4 of 5 would waste the pages before it.
    /// </summary>
    public int BulkReadMaxErrorRetry { get; set; } = 10;
}
