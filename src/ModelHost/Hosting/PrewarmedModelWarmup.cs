using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.OpenInference;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// On Lambda, the requests that warm the paths a first invocation takes for each prewarmed model: its description,
/// and a prediction in both formats (ours and the Open Inference Protocol's) on an input of zeros shaped as the model
/// asks (variable dimensions 1), which also runs the model once. A model whose inputs cannot be made up (a type the
/// formats do not carry) is only described.
/// </summary>
internal sealed class PrewarmedModelWarmup(ModelCache cache) : ILambdaWarmup
{
    public IEnumerable<LambdaWarmupRequest> Requests()
    {
        foreach (var model in cache.Snapshot().Models)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"/models/{model.Ref.Id}/versions/{model.Ref.Version}");
            yield return new("GET", path);
            if (model.Signature.Inputs.All(input => TensorDataType.IsSupported(input.ElementType)))
            {
                yield return new("POST", path + "/predict", NativeBody(model.Signature));
                yield return new("POST", string.Create(CultureInfo.InvariantCulture, $"/v2/models/{model.Ref.Id}/versions/{model.Ref.Version}/infer"), OpenInferenceBody(model.Signature));
            }
        }
    }

    private static string NativeBody(ModelSignature signature)
    {
        var inputs = new JsonObject();
        foreach (var input in signature.Inputs)
        {
            inputs[input.Name] = input.Rank == 0 ? Zero(input) : new JsonObject { ["shape"] = Shape(input), ["data"] = Zeros(input) };
        }

        return new JsonObject { ["inputs"] = inputs }.ToJsonString();
    }

    private static string OpenInferenceBody(ModelSignature signature) => new JsonObject
    {
        ["id"] = "warm-up",
        ["inputs"] = new JsonArray(signature.Inputs.Select(input => (JsonNode)new JsonObject
        {
            ["name"] = input.Name,
            ["shape"] = Shape(input),
            ["datatype"] = OpenInferenceDataType.NameOf(input.ElementType),
            ["data"] = Zeros(input),
        }).ToArray()),
    }.ToJsonString();

    private static JsonArray Shape(TensorSignature input) => new(input.Shape.Select(dimension => (JsonNode)Math.Max(dimension, 1)).ToArray());

    private static JsonArray Zeros(TensorSignature input) =>
        new(Enumerable.Range(0, input.Shape.Aggregate(1, (count, dimension) => count * Math.Max(dimension, 1))).Select(_ => Zero(input)).ToArray());

    private static JsonNode Zero(TensorSignature input) => input.ElementType switch
    {
        TensorElementType.String => JsonValue.Create(""),
        TensorElementType.Bool => JsonValue.Create(false),
        _ => JsonValue.Create(0),
    };
}
