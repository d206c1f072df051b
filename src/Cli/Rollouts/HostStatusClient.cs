using System.Text.Json;

namespace MultiModel.Cli.Rollouts;

/// <summary>
/// Asks a host for a model's live figures. Read tolerantly: a host answers with its own shape of <c>"rollout"</c>
/// (whatever its build records), so the object is kept as it came and shown as it is, and a host that cannot be
/// reached is reported rather than failing the policy's part of <c>status</c>.
/// </summary>
internal sealed class HostStatusClient(HttpMessageHandler? handler)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30); // a cold host loads the model to describe it

    public async Task<HostStatus> GetAsync(string host, string modelId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(host.TrimEnd('/') + "/", UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return new HostStatus(host, null, null, null, $"'{host}' is not an http(s) URL");
        }

        var url = new Uri(root, $"models/{Uri.EscapeDataString(modelId)}");
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout;
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new HostStatus(url.ToString(), (int)response.StatusCode, null, null, $"{(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
            }

            using var document = JsonDocument.Parse(body);
            var answer = document.RootElement;
            var version = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("version", out var number) && number.TryGetInt32(out var value) ? value : (int?)null;
            var rollout = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("rollout", out var given) && given.ValueKind != JsonValueKind.Null
                ? given.Clone() : (JsonElement?)null; // a host without a policy or figures for the model says null
            return new HostStatus(url.ToString(), (int)response.StatusCode, version, rollout, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new HostStatus(url.ToString(), null, null, null, exception.GetBaseException().Message);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
