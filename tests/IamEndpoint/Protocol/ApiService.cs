namespace IamEndpoint.Protocol;

/// <summary>A Query-protocol API served on this endpoint: its version string and XML namespace.</summary>
internal sealed record ApiService(string Version, string Namespace)
{
    /// <summary>https://docs.aws.amazon.com/IAM/latest/APIReference/welcome.html</summary>
    public static readonly ApiService Iam = new("2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/");

    /// <summary>https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html</summary>
    public static readonly ApiService Sts = new("2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    /// <summary>The service a request names by its Version parameter; IAM when it names none we know.</summary>
    public static ApiService ForVersion(string? version) => version == Sts.Version ? Sts : Iam;
}
