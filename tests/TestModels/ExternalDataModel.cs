using Google.Protobuf;
using Onnx;

namespace MultiModel.TestModels;

/// <summary>
/// A model whose weights live in a separate file beside it, as exporters write models over protobuf's 2 GB limit:
/// <c>model.onnx</c> holds only the graph, <c>model.onnx.data</c> the raw weights at 4 KiB-aligned offsets (the
/// alignment lets ONNX Runtime map them instead of reading them).
/// </summary>
public sealed record ExternalDataModel(byte[] Graph, byte[] Data)
{
    public const string DataFileName = "model.onnx.data";
    private const int Alignment = 4096;

    internal static ExternalDataModel Externalize(GraphProto graph)
    {
        using var data = new MemoryStream();
        foreach (var initializer in graph.Initializer)
        {
            var offset = (data.Length + Alignment - 1) / Alignment * Alignment;
            data.SetLength(offset);
            data.Position = offset;
            initializer.RawData.WriteTo(data);
            initializer.ExternalData.Add(Entry("location", DataFileName));
            initializer.ExternalData.Add(Entry("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            initializer.ExternalData.Add(Entry("length", initializer.RawData.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            initializer.DataLocation = TensorProto.Types.DataLocation.External;
            initializer.RawData = ByteString.Empty;
        }

        return new ExternalDataModel(OnnxProto.Serialize(graph, "MultiModel.TestModels"), data.ToArray());
    }

    private static StringStringEntryProto Entry(string key, string value) => new() { Key = key, Value = value };
}
