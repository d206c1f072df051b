using Onnx;
using static MultiModel.TestModels.OnnxProto;

namespace MultiModel.TestModels;

/// <summary>Builds y = Softmax(... Relu(x·W1+b1) ... ·Wn+bn) with MatMul, Add, Relu and Softmax (opset 13).</summary>
internal static class MlpModel
{
    public static byte[] Build(int inputs, int hidden, int outputs, int hiddenLayers, int seed) =>
        Serialize(BuildGraph(inputs, hidden, outputs, hiddenLayers, seed), "MultiModel.TestModels");

    public static GraphProto BuildGraph(int inputs, int hidden, int outputs, int hiddenLayers, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenLayers, 1);

        var graph = new GraphProto { Name = $"mlp_{inputs}x{hidden}x{outputs}_l{hiddenLayers}" };
        graph.Input.Add(Tensor("x", TensorProto.Types.DataType.Float, "batch", inputs));
        graph.Output.Add(Tensor("y", TensorProto.Types.DataType.Float, "batch", outputs));

        var current = "x";
        var width = inputs;
        for (var layer = 1; layer <= hiddenLayers + 1; layer++)
        {
            var isOutput = layer == hiddenLayers + 1;
            var next = isOutput ? outputs : hidden;
            current = Dense(graph, layer, current, width, next, seed);
            if (!isOutput)
            {
                graph.Node.Add(Node("Relu", $"relu{layer}", [current], $"h{layer}"));
                current = $"h{layer}";
            }

            width = next;
        }

        graph.Node.Add(Node("Softmax", "softmax", [current], "y"));
        return graph;
    }

    // Weights uniform in ±1/sqrt(fanIn) (at most ±0.1 once fanIn >= 100) keep pre-activations near 1 for any width,
    // so the Softmax output stays a spread-out distribution instead of a one-hot.
    private static string Dense(GraphProto graph, int layer, string input, int fanIn, int fanOut, int seed)
    {
        var weightScale = 1f / MathF.Sqrt(fanIn);
        var weights = DeterministicWeights.UniformRawFloats(checked(fanIn * fanOut), weightScale, DeterministicWeights.StreamSeed(seed, 2 * layer));
        var bias = DeterministicWeights.UniformRawFloats(fanOut, 0.1f, DeterministicWeights.StreamSeed(seed, (2 * layer) + 1));
        graph.Initializer.Add(FloatInitializer($"W{layer}", weights, fanIn, fanOut));
        graph.Initializer.Add(FloatInitializer($"b{layer}", bias, fanOut));

        graph.Node.Add(Node("MatMul", $"matmul{layer}", [input, $"W{layer}"], $"mm{layer}"));
        graph.Node.Add(Node("Add", $"add{layer}", [$"mm{layer}", $"b{layer}"], $"z{layer}"));
        return $"z{layer}";
    }
}
