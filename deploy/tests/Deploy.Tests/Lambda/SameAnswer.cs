using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// Asserts that a Lambda run answered as the Kestrel run did: status, Content-Type, the binary extension's header, and
/// the body: JSON compared as JSON without the per-request fields (requestId, traceId), anything else byte for byte.
/// </summary>
internal static class SameAnswer
{
    private static readonly string[] PerRequestFields = ["requestId", "traceId"];

    public static async Task AssertAsync(HttpResponseMessage kestrel, LambdaResponse lambda)
    {
        var kestrelBody = await kestrel.Content.ReadAsByteArrayAsync();
        var contentType = kestrel.Content.Headers.ContentType?.ToString() ?? "";
        Assert.True((int)kestrel.StatusCode == lambda.Status, $"status {lambda.Status} on Lambda, {(int)kestrel.StatusCode} on Kestrel: {lambda.Text}");
        Assert.Equal(contentType, lambda.Headers.GetValueOrDefault("Content-Type"));
        Assert.Equal(Header(kestrel, "Inference-Header-Content-Length"), lambda.Headers.GetValueOrDefault("Inference-Header-Content-Length"));
        if (contentType.Contains("json", StringComparison.Ordinal))
        {
            Assert.True(JsonNode.DeepEquals(WithoutPerRequestFields(kestrelBody), WithoutPerRequestFields(lambda.Body)),
                $"Kestrel: {System.Text.Encoding.UTF8.GetString(kestrelBody)}{Environment.NewLine}Lambda:  {lambda.Text}");
        }
        else
        {
            Assert.Equal(kestrelBody, lambda.Body);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.First() : null;

    private static JsonNode? WithoutPerRequestFields(byte[] json)
    {
        var node = JsonNode.Parse(json);
        if (node is JsonObject root)
        {
            foreach (var field in PerRequestFields)
            {
                root.Remove(field);
            }
        }

        return node;
    }
}
