using Onnx;
using static MultiModel.TestModels.OnnxProto;

namespace MultiModel.TestModels;

/// <summary>
/// The <see cref="MlpModel"/> network followed by a reshape its scores never fit (into blocks of 1000 rows), then back:
/// it loads, its signature is the MLP's, and every run of fewer than 1000 rows fails inside ONNX Runtime with a runtime
/// error (not an invalid argument: the input is valid), as a broken release of a model would.
/// </summary>
internal static class FailingAtRunModel
{
    public static byte[] Build(int inputs, int hidden, int outputs, int seed)
    {
        var graph = MlpModel.BuildGraph(inputs, hidden, outputs, hiddenLayers: 1, seed);
        graph.Node.Single(node => node.OpType == "Softmax").Output[0] = "scores";
        graph.Initializer.Add(Int64Initializer("blocks", -1, outputs, 1000));
        graph.Initializer.Add(Int64Initializer("rows", -1, outputs));
        graph.Node.Add(Node("Reshape", "into_blocks", ["scores", "blocks"], "blocked"));
        graph.Node.Add(Node("Reshape", "back", ["blocked", "rows"], "y"));
        return Serialize(graph, "MultiModel.TestModels");
    }

    private static TensorProto Int64Initializer(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }
}
