using Onnx;
using static MultiModel.TestModels.OnnxProto;

namespace MultiModel.TestModels;

/// <summary>float16 and bfloat16 passed through unchanged, and each also cast to float32 by ONNX Runtime.</summary>
internal static class ReducedPrecisionModel
{
    public static byte[] Build()
    {
        var graph = new GraphProto { Name = "reduced_precision" };
        foreach (var (suffix, type) in new[] { ("fp16", TensorProto.Types.DataType.Float16), ("bf16", TensorProto.Types.DataType.Bfloat16) })
        {
            graph.Input.Add(Tensor($"in_{suffix}", type, "batch", 3));
            graph.Output.Add(Tensor($"out_{suffix}", type, "batch", 3));
            graph.Output.Add(Tensor($"{suffix}_as_float", TensorProto.Types.DataType.Float, "batch", 3));
            graph.Node.Add(Node("Identity", $"identity_{suffix}", [$"in_{suffix}"], $"out_{suffix}"));
            var cast = Node("Cast", $"cast_{suffix}", [$"in_{suffix}"], $"{suffix}_as_float");
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
            graph.Node.Add(cast);
        }

        return Serialize(graph, "MultiModel.TestModels");
    }
}
