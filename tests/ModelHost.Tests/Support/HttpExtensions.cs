using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiModel.ModelHost.Tests.Support;

public static class HttpExtensions
{
    public static Task<HttpResponseMessage> PredictAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PredictRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PredictRawAsync(this HttpClient client, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return client.PostAsync(path, content);
    }

    /// <summary>A POST without a Content-Type header, as Triton's Python HTTP client and KServe's httpx client send it.</summary>
    public static Task<HttpResponseMessage> PostWithoutContentTypeAsync(this HttpClient client, string path, string body) =>
        client.PostAsync(path, new ByteArrayContent(Encoding.UTF8.GetBytes(body)));

    /// <summary>Native routes with a JSON Content-Type; /v2 routes without one, as Triton's and KServe's clients send them.</summary>
    public static Task<HttpResponseMessage> PostWithoutContentTypeOrJsonAsync(this HttpClient client, string path, string body) =>
        path.StartsWith("/v2/", StringComparison.Ordinal) ? client.PostWithoutContentTypeAsync(path, body) : client.PredictRawAsync(path, body);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>The flat data of an output, as floats; "NaN"/"Infinity" strings become their values.</summary>
    public static float[] OutputFloats(this JsonElement response, string name, string tensors = "outputs") =>
        Output(response, name, tensors).GetProperty("data").EnumerateArray()
            .Select(x => x.ValueKind == JsonValueKind.String ? float.Parse(x.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : x.GetSingle())
            .ToArray();

    /// <summary>The tensor of that name in the array <paramref name="tensors"/> (a response's outputs, a capture record's inputs).</summary>
    public static JsonElement Output(this JsonElement response, string name, string tensors = "outputs") =>
        response.GetProperty(tensors).EnumerateArray().Single(output => output.GetProperty("name").GetString() == name);
}
