namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// How big a response is as Lambda receives it from the hosting adapter: a JSON envelope (status code, headers,
/// body, isBase64Encoded) with the body as a JSON string, escaped as the adapter's serializer escapes (relaxed: quotes,
/// backslashes and control characters only), or base64 for binary content types and encoded content.
/// </summary>
internal static class LambdaPayload
{
    // {"statusCode":200,"headers":{},"body":"","isBase64Encoded":false,"cookies":[]} and some slack.
    private const int EnvelopeBytes = 128;

    public static long Bytes(MemoryStream body, HttpResponse response)
    {
        var content = body.TryGetBuffer(out var segment) ? segment.AsSpan() : body.ToArray();
        var bodyBytes = IsBinary(response) ? (content.Length + 2L) / 3 * 4 : EscapedLength(content);
        long headerBytes = 0;
        foreach (var (name, values) in response.Headers)
        {
            headerBytes += name.Length + values.ToString().Length + 6; // "name":"value",
        }

        return EnvelopeBytes + headerBytes + bodyBytes;
    }

    // The adapter's own list sends these as base64; everything else as text.
    private static bool IsBinary(HttpResponse response) =>
        response.Headers.ContentEncoding.Count > 0
        || response.ContentType is { } type && (type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase));

    private static long EscapedLength(ReadOnlySpan<byte> text)
    {
        long length = text.Length;
        foreach (var b in text)
        {
            length += b switch
            {
                (byte)'"' or (byte)'\\' => 1,
                < 0x20 => 5, // \u00XX at most
                _ => 0,
            };
        }

        return length;
    }
}
