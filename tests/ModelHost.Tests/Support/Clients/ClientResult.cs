using System.Text.Json;
using MultiModel.ModelHost.Api.Formats.Binary;

namespace MultiModel.ModelHost.Tests.Support.Clients;

/// <summary>
/// A response read as tritonclient's <c>InferResult</c> reads it: the JSON is the first
/// <c>Inference-Header-Content-Length</c> bytes when the header is there (else the whole body), and each output with
/// a binary_data_size takes the next that many bytes after it, in output order.
/// </summary>
public sealed class ClientResult
{
    private ClientResult(JsonElement json, Dictionary<string, byte[]> outputs, HashSet<string> binary)
    {
        Json = json;
        Outputs = outputs;
        BinaryOutputs = binary;
    }

    public JsonElement Json { get; }

    /// <summary>Every output's elements in <see cref="TensorBytes"/> layout, whichever way each came.</summary>
    public Dictionary<string, byte[]> Outputs { get; }

    public HashSet<string> BinaryOutputs { get; }

    public static async Task<ClientResult> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var headerLength = response.Headers.TryGetValues(ClientRequest.HeaderLength, out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : body.Length;
        var json = JsonDocument.Parse(body.AsMemory(0, headerLength)).RootElement.Clone();
        var offset = headerLength;
        var outputs = new Dictionary<string, byte[]>();
        var binary = new HashSet<string>();
        foreach (var output in json.GetProperty("outputs").EnumerateArray())
        {
            var name = output.GetProperty("name").GetString()!;
            if (output.TryGetProperty("parameters", out var parameters) && parameters.TryGetProperty("binary_data_size", out var size))
            {
                outputs[name] = body[offset..(offset += size.GetInt32())];
                binary.Add(name);
            }
            else
            {
                outputs[name] = TensorBytes.FromJson(output.GetProperty("data"), output.GetProperty("datatype").GetString()!);
            }
        }

        Assert.Equal(body.Length, offset); // nothing after the last output's bytes
        return new ClientResult(json, outputs, binary);
    }
}
