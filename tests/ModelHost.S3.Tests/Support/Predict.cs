using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>One fixed row through the host's predict API, and the same row through ONNX Runtime directly.</summary>
internal static class Predict
{
    private static readonly float[] Row = [0.5f, -1f, 2f, 0.25f];

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path) =>
        client.PostAsync(path, new StringContent(JsonSerializer.Serialize(new { inputs = new { x = new[] { Row } } }), Encoding.UTF8, "application/json"));

    public static async Task<float[]> OutputAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var y = body.GetProperty("outputs").EnumerateArray().Single(output => output.GetProperty("name").GetString() == "y");
        return y.GetProperty("data").EnumerateArray().Select(value => value.GetSingle()).ToArray();
    }

    public static float[] Direct(byte[] model) => DirectRun.Mlp(model, Row, Row.Length);
}
