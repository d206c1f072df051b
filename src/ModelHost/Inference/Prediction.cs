using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// The outputs of one run, still in ONNX Runtime's memory. Owns them and the model lease until written, because output
/// tensors come from the session's allocator and must not outlive it.
/// </summary>
internal sealed class Prediction(ModelLease lease, IReadOnlyList<string> outputNames, IDisposableReadOnlyCollection<OrtValue> outputs, TimeSpan inferenceTime)
    : IDisposable
{
    public ModelLease Lease { get; } = lease;
    public TimeSpan InferenceTime { get; } = inferenceTime;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("modelId", Lease.Ref.Id);
        writer.WriteNumber("modelVersion", Lease.Ref.Version);
        WriteOutputs(writer, TensorDataType.NameOf);
        if (Lease.Model.Labels is { } labels)
        {
            labels.Write(writer, outputs.Zip(outputNames).First(output => output.Second == labels.ScoresOutput).First);
        }

        writer.WriteEndObject();
    }

    /// <summary>The Open Inference Protocol response: model name and version, the request id, the outputs.</summary>
    public void WriteOpenInference(Utf8JsonWriter writer, string? requestId)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", Lease.Ref.Id);
        writer.WriteString("model_version", Lease.Ref.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (requestId is not null)
        {
            writer.WriteString("id", requestId);
        }

        WriteOutputs(writer, TensorDataType.OpenInferenceNameOf);
        writer.WriteEndObject();
    }

    public void Dispose()
    {
        outputs.Dispose();
        Lease.Dispose();
    }

    private void WriteOutputs(Utf8JsonWriter writer, Func<TensorElementType, string> datatypeName)
    {
        writer.WriteStartArray("outputs");
        var index = 0;
        foreach (var output in outputs)
        {
            JsonTensorWriter.Write(writer, outputNames[index++], output, datatypeName);
        }

        writer.WriteEndArray();
    }
}
