using Onnx;
using static MultiModel.TestModels.OnnxProto;

namespace MultiModel.TestModels;

/// <summary>
/// The tail of a scikit-learn classifier as skl2onnx exports it: the class scores, the best class, and the scores
/// again as ZipMap's one label-to-score map per row.
/// </summary>
internal static class ZipMapClassifierModel
{
    public static byte[] Build(IReadOnlyList<string>? classNames)
    {
        var graph = new GraphProto { Name = "zipmap_classifier" };
        graph.Input.Add(Tensor("x", TensorProto.Types.DataType.Float, "batch", 3));
        graph.Node.Add(Node("Softmax", "softmax", ["x"], "scores"));
        var argMax = Node("ArgMax", "argmax", ["scores"], "label");
        argMax.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        argMax.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        graph.Node.Add(argMax);

        var zipMap = Node("ZipMap", "zipmap", ["scores"], "probabilities");
        zipMap.Domain = "ai.onnx.ml";
        var labels = classNames is null
            ? new AttributeProto { Name = "classlabels_int64s", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 0L, 1L, 2L } }
            : new AttributeProto { Name = "classlabels_strings", Type = AttributeProto.Types.AttributeType.Strings };
        foreach (var name in classNames ?? [])
        {
            labels.Strings.Add(Google.Protobuf.ByteString.CopyFromUtf8(name));
        }

        zipMap.Attribute.Add(labels);
        graph.Node.Add(zipMap);

        graph.Output.Add(Tensor("label", TensorProto.Types.DataType.Int64, "batch"));
        graph.Output.Add(ScoreMaps("probabilities", classNames is null ? TensorProto.Types.DataType.Int64 : TensorProto.Types.DataType.String));
        return Serialize(graph, "MultiModel.TestModels", mlOpset: 1);
    }

    /// <summary><c>seq(map(key, float))</c>, ZipMap's output type.</summary>
    private static ValueInfoProto ScoreMaps(string name, TensorProto.Types.DataType keyType) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            SequenceType = new TypeProto.Types.Sequence
            {
                ElemType = new TypeProto
                {
                    MapType = new TypeProto.Types.Map
                    {
                        KeyType = (int)keyType,
                        ValueType = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
                    },
                },
            },
        },
    };
}
