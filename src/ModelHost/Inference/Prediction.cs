using System.Text.Json;
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
        writer.WriteStartArray("outputs");
        var index = 0;
        foreach (var output in outputs)
        {
            JsonTensorWriter.Write(writer, outputNames[index++], output);
        }

        writer.WriteEndArray();
        if (Lease.Model.Labels is { } labels)
        {
            labels.Write(writer, outputs.ElementAt(IndexOf(labels.ScoresOutput)));
        }

        writer.WriteEndObject();
    }

    public void Dispose()
    {
        outputs.Dispose();
        Lease.Dispose();
    }

    private int IndexOf(string name)
    {
        for (var index = 0; index < outputNames.Count; index++)
        {
            if (outputNames[index] == name)
            {
                return index;
            }
        }

        throw new InvalidOperationException($"Output '{name}' was not run.");
    }
}
