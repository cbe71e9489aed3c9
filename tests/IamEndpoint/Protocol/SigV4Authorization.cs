using System.Text.RegularExpressions;

namespace IamEndpoint.Protocol;

/// <summary>
/// The parts of a Signature Version 4 Authorization header this endpoint reads. The signature itself is not
/// verified: the endpoint does not know every secret. Header format:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
/// </summary>
internal sealed partial record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Reads the header; throws MissingAuthenticationToken when it is absent or not SigV4.</summary>
    public static SigV4Authorization Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw Errors.MissingAuthenticationToken("Request is missing Authentication Token");
        }

        Match match = HeaderPattern().Match(header);
        if (!match.Success)
        {
            throw Errors.MissingAuthenticationToken(
                "Authorization header is not of the form " +
                $"'{Algorithm} Credential=AKID/yyyymmdd/region/service/aws4_request, SignedHeaders=..., " +
                "Signature=...'");
        }

        return new SigV4Authorization(
            match.Groups["key"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value);
    }

    [GeneratedRegex(
        @"^AWS4-HMAC-SHA256\s+Credential=(?<key>[A-Za-z0-9]{1,128})/(?<date>\d{8})/(?<region>[a-z0-9-]+)/" +
        @"(?<service>[a-z0-9-]+)/aws4_request,\s*SignedHeaders=[a-z0-9;-]+,\s*Signature=[0-9a-f]{64}\s*$")]
    private static partial Regex HeaderPattern();
}
