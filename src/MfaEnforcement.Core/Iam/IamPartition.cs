using System;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// An AWS partition as IAM sees it: IAM is a global service with one endpoint per partition, signed for the
/// partition's home region. See https://docs.aws.amazon.com/general/latest/gr/iam-service.html.
/// </summary>
public sealed class IamPartition
{
    /// <summary>The commercial partition.</summary>
    public static readonly IamPartition Aws = new(
        "aws", "https://iam.amazonaws.com", "https://iam-fips.amazonaws.com", "us-east-1");

    /// <summary>AWS GovCloud (US).</summary>
    public static readonly IamPartition AwsUsGov = new(
        "aws-us-gov", "https://iam.us-gov.amazonaws.com", "https://iam.us-gov.amazonaws.com", "us-gov-west-1");

    /// <summary>The China regions.</summary>
    public static readonly IamPartition AwsCn = new(
        "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1");

    private IamPartition(string name, string endpoint, string fipsEndpoint, string signingRegion)
    {
        Name = name;
        Endpoint = endpoint;
        FipsEndpoint = fipsEndpoint;
        SigningRegion = signingRegion;
    }

    /// <summary>The partition's name as it appears in ARNs.</summary>
    public string Name { get; }

    /// <summary>The partition's IAM endpoint.</summary>
    public string Endpoint { get; }

    /// <summary>The partition's FIPS IAM endpoint.</summary>
    public string FipsEndpoint { get; }

    /// <summary>The region IAM requests of this partition are signed for.</summary>
    public string SigningRegion { get; }

    /// <summary>The partition a region belongs to; no region or an unknown one means the commercial one.</summary>
    public static IamPartition FromRegion(string? region)
    {
        if (string.IsNullOrEmpty(region))
        {
            return Aws;
        }

        if (region!.StartsWith("us-gov-", StringComparison.OrdinalIgnoreCase))
        {
            return AwsUsGov;
        }

        return region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase) ? AwsCn : Aws;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
