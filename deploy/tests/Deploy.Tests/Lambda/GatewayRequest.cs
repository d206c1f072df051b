using System.Net.Http.Headers;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// One request as a caller sends it through the stack's REST API: as the proxy event the gateway hands the function,
/// and as the same HTTP request sent straight to the app on Kestrel.
/// </summary>
/// <param name="Resource">The API's resource template the gateway matched, e.g. <c>/models/{id}/predict</c>.</param>
/// <param name="Binary">Whether its Content-Type is one of the API's binary media types, so the gateway sends it in base64.</param>
public sealed record GatewayRequest(string Method, string Resource, string Path, byte[]? Body = null, string? ContentType = "application/json",
    bool Binary = false, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static GatewayRequest Json(string resource, string path, string json) =>
        new("POST", resource, path, System.Text.Encoding.UTF8.GetBytes(json));

    public string RestApiEvent() => Lambda.RestApiEvent.Request(Method, Resource, Path, Body, ContentType, Binary, Headers);

    public string HttpApiEvent() => Lambda.HttpApiEvent.Request(Method, Path, Body is null ? null : System.Text.Encoding.UTF8.GetString(Body),
        ContentType ?? "application/json", Headers?.ToDictionary());

    public HttpRequestMessage HttpRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
        }

        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
