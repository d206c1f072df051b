using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MultiModel.Router.Tests.Support;

/// <summary>Small request and assertion helpers shared by the router tests.</summary>
public static class HttpAssert
{
    /// <summary>POSTs a predict call and returns which backend answered (its X-Backend header).</summary>
    public static async Task<string?> BackendOfAsync(this HttpClient client, string modelId, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/models/{modelId}/predict") { Content = JsonContent.Create(new { inputs = new[] { 1.0 } }) };
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.TryGetValues("X-Backend", out var values) ? values.Single() : null;
    }

    /// <summary>Asserts the status and a problem+json body, and returns that body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ToString() : "";
}
