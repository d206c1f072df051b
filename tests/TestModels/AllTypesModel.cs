using Onnx;
using static MultiModel.TestModels.OnnxProto;

namespace MultiModel.TestModels;

/// <summary>One Identity per tensor element type and shape kind a generic runner must pass through unchanged.</summary>
internal static class AllTypesModel
{
    private static readonly (string Suffix, TensorProto.Types.DataType Type)[] BatchedTypes =
    [
        ("float", TensorProto.Types.DataType.Float),
        ("double", TensorProto.Types.DataType.Double),
        ("int32", TensorProto.Types.DataType.Int32),
        ("int64", TensorProto.Types.DataType.Int64),
        ("uint8", TensorProto.Types.DataType.Uint8),
        ("int8", TensorProto.Types.DataType.Int8),
        ("bool", TensorProto.Types.DataType.Bool),
        ("string", TensorProto.Types.DataType.String),
    ];

    public static byte[] Build()
    {
        var graph = new GraphProto { Name = "all_types" };
        foreach (var (suffix, type) in BatchedTypes)
        {
            AddIdentity(graph, suffix, type, "batch", 2);
        }

        AddIdentity(graph, "scalar", TensorProto.Types.DataType.Float);
        AddIdentity(graph, "fixed", TensorProto.Types.DataType.Float, 3);
        return Serialize(graph, "MultiModel.TestModels");
    }

    private static void AddIdentity(GraphProto graph, string suffix, TensorProto.Types.DataType type, params object[] dims)
    {
        graph.Input.Add(Tensor($"in_{suffix}", type, dims));
        graph.Output.Add(Tensor($"out_{suffix}", type, dims));
        graph.Node.Add(Node("Identity", $"identity_{suffix}", [$"in_{suffix}"], $"out_{suffix}"));
    }
}
