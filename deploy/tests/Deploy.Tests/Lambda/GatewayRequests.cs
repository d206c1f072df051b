using System.Globalization;
using System.Text;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>The requests run both through the Lambda build and on Kestrel: a prediction, Open Inference binary, a 400, a 404.</summary>
public static class GatewayRequests
{
    private const string Iris = """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}}""";

    public static IReadOnlyDictionary<string, GatewayRequest> All { get; } = new Dictionary<string, GatewayRequest>
    {
        ["predict"] = GatewayRequest.Json("/models/{id}/predict", "/models/iris/predict", Iris),
        ["pinned version"] = GatewayRequest.Json("/models/{id}/versions/{version}/predict", "/models/iris/versions/1/predict", Iris),
        ["open inference binary"] = BinaryInfer(),
        ["malformed json 400"] = GatewayRequest.Json("/models/{id}/predict", "/models/iris/predict", """{"inputs": """),
        ["unknown model 404"] = GatewayRequest.Json("/models/{id}/predict", "/models/no-such-model/predict", Iris),
    };

    /// <summary>
    /// Triton's binary tensor data extension both ways: the JSON, then the input's float32 bytes (little-endian), with
    /// Inference-Header-Content-Length; the output asked for as binary too. Sent as application/octet-stream, one of the
    /// API's binary media types, so the gateway hands it to the function in base64.
    /// </summary>
    private static GatewayRequest BinaryInfer()
    {
        float[] features = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];
        var json = Encoding.UTF8.GetBytes(
            """{"inputs":[{"name":"features","shape":[2,4],"datatype":"FP32","parameters":{"binary_data_size":32}}],"outputs":[{"name":"Score.output","parameters":{"binary_data":true}}]}""");
        var tensor = new byte[features.Length * 4];
        Buffer.BlockCopy(features, 0, tensor, 0, tensor.Length); // little-endian on every machine .NET runs these tests on
        return new GatewayRequest("POST", "/v2/models/{name}/infer", "/v2/models/iris/infer", [.. json, .. tensor], "application/octet-stream", Binary: true,
            Headers: new Dictionary<string, string> { ["Inference-Header-Content-Length"] = json.Length.ToString(CultureInfo.InvariantCulture) });
    }
}
