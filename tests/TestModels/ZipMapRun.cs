using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.TestModels;

/// <summary>
/// The reference for ZipMap outputs: ONNX Runtime run directly, each row's map read with its map visitor (another
/// route than the host's) into keys as text and their scores.
/// </summary>
public static class ZipMapRun
{
    public static (long[] Labels, Dictionary<string, float>[] Maps) Run(byte[] model, float[] x)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(x, [x.Length / 3, 3]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [input], ["label", "probabilities"]);
        var labels = outputs[0].GetTensorDataAsSpan<long>().ToArray();
        var maps = new Dictionary<string, float>[outputs[1].GetValueCount()];
        for (var row = 0; row < maps.Length; row++)
        {
            using var map = outputs[1].GetValue(row, OrtAllocator.DefaultInstance);
            var entries = new Dictionary<string, float>();
            map.ProcessMap((keys, values) =>
            {
                var names = keys.GetTensorTypeAndShape().ElementDataType == TensorElementType.String
                    ? keys.GetStringTensorAsArray()
                    : keys.GetTensorDataAsSpan<long>().ToArray().Select(key => key.ToString(CultureInfo.InvariantCulture)).ToArray();
                var scores = values.GetTensorDataAsSpan<float>();
                for (var index = 0; index < names.Length; index++)
                {
                    entries.Add(names[index], scores[index]);
                }
            }, OrtAllocator.DefaultInstance);
            maps[row] = entries;
        }

        return (labels, maps);
    }
}
