using Microsoft.ML.OnnxRuntime;

namespace MultiModel.ModelHost.Tests.Support.Clients;

/// <summary>The reference: ONNX Runtime's <c>InferenceSession.Run</c> on the model bytes and the client's inputs, no host in between.</summary>
public static class OnnxReference
{
    /// <summary>Every output of the model, in <see cref="TensorBytes"/> layout, by name.</summary>
    public static Dictionary<string, byte[]> Run(byte[] model, IEnumerable<ClientInput> inputs)
    {
        using var session = new InferenceSession(model);
        var given = inputs.ToArray();
        var values = given.Select(input => Tensor(input.Data, input.Shape)).ToArray();
        try
        {
            using var runOptions = new RunOptions();
            var names = session.OutputMetadata.Keys.ToArray();
            using var outputs = session.Run(runOptions, given.Select(input => input.Name).ToArray(), values, names);
            return names.Select((name, index) => (name, Bytes(outputs[index]))).ToDictionary(output => output.name, output => output.Item2);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private static OrtValue Tensor(Array data, long[] shape) => data switch
    {
        string[] strings => OrtValue.CreateFromStringTensor(new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>(strings, shape.Select(d => (int)d).ToArray())),
        float[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        Float16[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        BFloat16[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        double[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        int[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        long[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        sbyte[] x when data.GetType() == typeof(sbyte[]) => OrtValue.CreateTensorValueFromMemory(x, shape), // the runtime lets byte[] and sbyte[] pass as each other
        byte[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        bool[] x => OrtValue.CreateTensorValueFromMemory(x, shape),
        _ => throw new ArgumentException($"No tensor for {data.GetType()}.", nameof(data)),
    };

    private static byte[] Bytes(OrtValue output) =>
        output.GetTensorTypeAndShape().ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.String
            ? TensorBytes.Strings(output.GetStringTensorAsArray())
            : output.GetTensorMutableRawData().ToArray();
}
