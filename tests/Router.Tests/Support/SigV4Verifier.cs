using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MultiModel.Router.Tests.Support;

/// <summary>
/// An independent SigV4 implementation, written from the AWS specification ("Create a signed AWS API request"),
/// used to recompute what the router's signature must be from what the backend actually received.
/// </summary>
public static partial class SigV4Verifier
{
    public sealed record Authorization(string AccessKey, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Authorization Parse(string header)
    {
        var m = AuthorizationHeader().Match(header);
        Assert.True(m.Success, $"not a SigV4 Authorization header: {header}");
        return new Authorization(m.Groups["key"].Value, m.Groups["date"].Value, m.Groups["region"].Value, m.Groups["service"].Value,
            m.Groups["headers"].Value.Split(';'), m.Groups["sig"].Value);
    }

    /// <summary>The signature the request must carry, recomputed from the bytes and headers the backend saw.</summary>
    public static string Expected(ReceivedRequest request, string secretKey)
    {
        var auth = Parse(request.Header("Authorization")!);
        var target = request.RawTarget.Split('?', 2);
        var canonical = CanonicalRequest(request.Method, target[0], target.Length > 1 ? target[1] : "",
            request.Header, auth.SignedHeaders, Hex(SHA256.HashData(request.Body)), doubleEncodePath: auth.Service != "s3");
        return Signature(secretKey, request.Header("X-Amz-Date")!, auth.Region, auth.Service, canonical);
    }

    public static string CanonicalRequest(string method, string rawPath, string rawQuery, Func<string, string?> header,
        IReadOnlyList<string> signedHeaders, string payloadHash, bool doubleEncodePath)
    {
        var path = string.Join('/', rawPath.Split('/').Select(segment =>
        {
            var once = UriEncode(Uri.UnescapeDataString(segment));
            return doubleEncodePath ? UriEncode(once) : once;
        }));
        var query = string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: UriEncode(Uri.UnescapeDataString(kv[0])), Value: UriEncode(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));
        var headers = string.Concat(signedHeaders.Select(name => $"{name}:{Spaces().Replace(header(name)?.Trim() ?? "", " ")}\n"));
        return $"{method}\n{(path.Length == 0 ? "/" : path)}\n{query}\n{headers}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
    }

    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var day = amzDate[..8];
        var scope = $"{day}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        return Hex(Hmac.Sha256(SigningKey(secretKey, day, region, service), Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static byte[] SigningKey(string secretKey, string day, string region, string service)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { day, region, service, "aws4_request" })
        {
            key = Hmac.Sha256(key, Encoding.UTF8.GetBytes(part));
        }

        return key;
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>RFC 3986 unreserved characters stay; everything else is %XX with uppercase hex, per the SigV4 spec.</summary>
    public static string UriEncode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' ? c.ToString() : $"%{b:X2}");
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[a-z0-9;-]+), ?Signature=(?<sig>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
