using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Reads the rows of a ZipMap output, <c>seq(map(int64 or string, float))</c>: each row's keys and scores, copied out
/// of ONNX Runtime's map values (which own their memory and are freed here).
/// </summary>
internal static class ScoreMaps
{
    /// <summary>One row: its scores, and its keys as int64 (<paramref name="numericKeys"/>) or as strings.</summary>
    public static (float[] Scores, long[]? NumericKeys, string[]? TextKeys) Row(OrtValue sequence, int row)
    {
        using var map = sequence.GetValue(row, OrtAllocator.DefaultInstance);
        using var keys = map.GetValue(0, OrtAllocator.DefaultInstance);
        using var values = map.GetValue(1, OrtAllocator.DefaultInstance);
        var scores = values.GetTensorDataAsSpan<float>().ToArray();
        return keys.GetTensorTypeAndShape().ElementDataType == TensorElementType.String
            ? (scores, null, keys.GetStringTensorAsArray())
            : (scores, keys.GetTensorDataAsSpan<long>().ToArray(), null);
    }
}
