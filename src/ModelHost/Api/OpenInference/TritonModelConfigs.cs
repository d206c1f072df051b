using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Api.Formats.OpenInference;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>
/// A Triton model configuration made from what the host knows of a loaded model: its signature. Triton's own ONNX
/// Runtime backend would auto-complete the same from the model file; batching, instance groups and the rest of a
/// config.pbtxt have no counterpart here and are left out.
/// </summary>
internal static class TritonModelConfigs
{
    public const string Platform = "onnxruntime_onnx";

    public static TritonModelConfig For(LoadedModel model)
    {
        var signature = model.Signature;
        return new TritonModelConfig(
            model.Ref.Id,
            Platform,
            "onnxruntime",
            new TritonVersionPolicy(new TritonSpecificVersions([model.Ref.Version])),
            MaxBatchSize: 0, // the host runs each request as sent; a batch dimension is part of the model's shape
            signature.Inputs.Select(Tensor).ToArray(),
            signature.SelectOutputs(Tensor, structured => new TritonTensorConfig(
                structured.Name, DataType(JsonStructuredWriter.OpenInferenceDatatype), structured.Shape.Select(d => (long)d).ToArray())).ToArray());
    }

    private static TritonTensorConfig Tensor(TensorSignature tensor) =>
        new(tensor.Name, DataType(OpenInferenceDataType.NameOf(tensor.ElementType)), tensor.Shape.Select(dimension => (long)dimension).ToArray());

    // model_config.proto's DataType: TYPE_ and the protocol's name, except that BYTES is TYPE_STRING there.
    private static string DataType(string openInferenceName) => openInferenceName == "BYTES" ? "TYPE_STRING" : "TYPE_" + openInferenceName;
}
