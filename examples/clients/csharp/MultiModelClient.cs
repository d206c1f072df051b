using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace MultiModel.Clients;

/// <summary>
/// Predictions from a MultiModel deployment over the native and the Open Inference routes: through the stack's REST API
/// with an API key (<see cref="WithApiKey"/>) or IAM, or straight to a function URL with IAM (<see cref="WithSigV4"/>).
/// Errors come back as ProblemDetails; <see cref="MultiModelException"/> carries their detail, which says what to change.
/// </summary>
public sealed class MultiModelClient(HttpClient http)
{
    /// <summary>The REST API with a client's key: <paramref name="baseUrl"/> is the stack's ApiUrl output.</summary>
    public static MultiModelClient WithApiKey(Uri baseUrl, string apiKey, HttpMessageHandler? handler = null)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return new MultiModelClient(http);
    }

    /// <summary>
    /// SigV4-signed by the AWS SDK's signer: service <c>execute-api</c> for the REST API with IAM auth, <c>lambda</c> for
    /// a function URL. Credentials from the SDK's default chain unless given.
    /// </summary>
    public static MultiModelClient WithSigV4(Uri baseUrl, string service, RegionEndpoint region, AWSCredentials? credentials = null, HttpMessageHandler? handler = null) =>
        new(new HttpClient(new SigV4SigningHandler(credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(), region, service, handler ?? new SocketsHttpHandler()))
        {
            BaseAddress = baseUrl,
        });

    // The inputs are copied into the body: a JsonNode has one parent, and a caller may send the same inputs again.

    /// <summary>Native route: inputs by name, each a nested array, a scalar, or {"shape": [...], "data": [...]}.</summary>
    public Task<JsonObject> PredictAsync(string model, JsonObject inputs, CancellationToken cancellationToken = default) =>
        PostJsonAsync($"models/{model}/predict", new JsonObject { ["inputs"] = inputs.DeepClone() }, cancellationToken);

    /// <summary>Open Inference (KServe V2) as JSON: inputs as [{"name", "shape", "datatype", "data"}].</summary>
    public Task<JsonObject> InferAsync(string model, JsonArray inputs, CancellationToken cancellationToken = default) =>
        PostJsonAsync($"v2/models/{model}/infer", new JsonObject { ["inputs"] = inputs.DeepClone() }, cancellationToken);

    /// <summary>
    /// Open Inference with Triton's binary tensor data extension both ways: float32 in, <paramref name="output"/> back as
    /// float32. application/octet-stream passes the REST API as binary; Accept says the answer is binary too.
    /// </summary>
    public async Task<float[]> InferBinaryAsync(string model, string input, long[] shape, float[] values, string output, CancellationToken cancellationToken = default)
    {
        var tensor = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(tensor.AsSpan(i * sizeof(float)), values[i]);
        }

        var header = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["inputs"] = new JsonArray(new JsonObject
            {
                ["name"] = input, ["shape"] = JsonSerializer.SerializeToNode(shape), ["datatype"] = "FP32",
                ["parameters"] = new JsonObject { ["binary_data_size"] = tensor.Length },
            }),
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = output, ["parameters"] = new JsonObject { ["binary_data"] = true } }),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/models/{model}/infer") { Content = new ByteArrayContent([.. header, .. tensor]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var jsonLength = int.Parse(response.Headers.GetValues("Inference-Header-Content-Length").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var answer = JsonNode.Parse(body.AsSpan(0, jsonLength))!;
        var size = answer["outputs"]![0]!["parameters"]!["binary_data_size"]!.GetValue<int>();
        var result = new float[size / sizeof(float)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadSingleLittleEndian(body.AsSpan(jsonLength + i * sizeof(float)));
        }

        return result;
    }

    private async Task<JsonObject> PostJsonAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        // Buffered, with a length: SigV4 signs a hash of the whole body.
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
    }

    private static async Task ThrowIfProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? detail = null;
        try
        {
            var problem = JsonNode.Parse(text);
            detail = (problem?["detail"] ?? problem?["error"] ?? problem?["message"])?.GetValue<string>();
        }
        catch (JsonException)
        {
        }

        throw new MultiModelException((int)response.StatusCode, detail ?? text);
    }
}
