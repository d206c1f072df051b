using Google.Protobuf;
using Onnx;

namespace MultiModel.SampleModelTrainer;

/// <summary>
/// Removes what ML.NET's exporter adds beside the columns asked for: a graph output "mlnet.&lt;column&gt;.unusedOutput"
/// (an int64 [-1, 1] LabelEncoder over the score slot names, always -1 at run time) and nodes no output needs.
/// Clients of the ModelHost would otherwise see a meaningless extra output in every response.
/// </summary>
internal static class OnnxCleanup
{
    public static byte[] DropPlaceholderOutputs(byte[] onnx)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var graph = model.Graph;
        foreach (var output in graph.Output.Where(IsPlaceholder).ToList())
        {
            graph.Output.Remove(output);
        }

        // Walk back from the remaining outputs; anything not reached is dead.
        var needed = new HashSet<string>(graph.Output.Select(o => o.Name));
        var kept = new List<NodeProto>();
        foreach (var node in graph.Node.Reverse())
        {
            if (node.Output.Any(needed.Contains))
            {
                kept.Add(node);
                needed.UnionWith(node.Input.Where(i => i.Length > 0));
            }
        }

        kept.Reverse();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        foreach (var initializer in graph.Initializer.Where(i => !needed.Contains(i.Name)).ToList())
        {
            graph.Initializer.Remove(initializer);
        }

        return model.ToByteArray();
    }

    private static bool IsPlaceholder(ValueInfoProto output) =>
        output.Name.StartsWith("mlnet.", StringComparison.Ordinal) && output.Name.EndsWith(".unusedOutput", StringComparison.Ordinal);
}
