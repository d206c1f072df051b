using Google.Protobuf;
using Onnx;

namespace MultiModel.TestModels;

/// <summary>
/// Edits of a model's graph that break (or keep) what callers rely on, as a new version of a model might: an input
/// renamed, an input of another element type, an extra output that a later version drops.
/// </summary>
public static class ModelVariants
{
    /// <summary>The same model with input <paramref name="from"/> called <paramref name="to"/>.</summary>
    public static byte[] RenameInput(byte[] model, string from, string to) => Edit(model, graph =>
    {
        graph.Input.Single(input => input.Name == from).Name = to;
        Rewire(graph, from, to);
    });

    /// <summary>The same model taking <paramref name="input"/> as doubles, cast to float32 by its first node.</summary>
    public static byte[] InputAsDouble(byte[] model, string input) => Edit(model, graph =>
    {
        var cast = $"{input}_as_float";
        Rewire(graph, input, cast);
        graph.Input.Single(value => value.Name == input).Type.TensorType.ElemType = (int)TensorProto.Types.DataType.Double;
        var node = OnnxProto.Node("Cast", "cast_input", [input], cast);
        node.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
        graph.Node.Insert(0, node);
    });

    /// <summary>The same model also returning output <paramref name="output"/> as <paramref name="copy"/> (an Identity).</summary>
    public static byte[] WithOutputCopy(byte[] model, string output, string copy) => Edit(model, graph =>
    {
        graph.Node.Add(OnnxProto.Node("Identity", $"copy_{copy}", [output], copy));
        var info = graph.Output.Single(value => value.Name == output).Clone();
        info.Name = copy;
        graph.Output.Add(info);
    });

    private static byte[] Edit(byte[] model, Action<GraphProto> edit)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        edit(proto.Graph);
        return proto.ToByteArray();
    }

    private static void Rewire(GraphProto graph, string from, string to)
    {
        foreach (var node in graph.Node)
        {
            for (var index = 0; index < node.Input.Count; index++)
            {
                if (node.Input[index] == from)
                {
                    node.Input[index] = to;
                }
            }
        }
    }
}
