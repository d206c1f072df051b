using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Compares two runs of different versions of a model on the same inputs: every float, double or integer tensor output
/// of the same name element by element, and for a classifier (the labelled scores output, else every float output of
/// shape [rows, classes] with more than one class) each row's top class. Strings, sequences and maps are left out:
/// their agreement is a matter of the classes, which the scores already say.
/// </summary>
internal static class OutputAgreement
{
    public static ShadowComparison Compare(Prediction answer, Prediction shadow, string? scoresOutput)
    {
        double maxDifference = 0;
        int outputs = 0, rows = 0, agreeing = 0;
        for (var index = 0; index < answer.OutputNames.Count; index++)
        {
            var name = answer.OutputNames[index];
            var theirs = Find(shadow, name);
            var ours = answer.Outputs[index];
            if (theirs is null || !IsNumericTensor(ours) || !IsNumericTensor(theirs))
            {
                continue;
            }

            outputs++;
            var shape = ours.GetTensorTypeAndShape().Shape;
            if (!shape.AsSpan().SequenceEqual(theirs.GetTensorTypeAndShape().Shape))
            {
                maxDifference = double.PositiveInfinity;
                continue;
            }

            var (a, b) = (AsDoubles(ours), AsDoubles(theirs));
            for (var i = 0; i < a.Length; i++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(a[i] - b[i]));
            }

            if (IsClassScores(name, ours, shape, scoresOutput))
            {
                var classes = (int)shape[^1];
                for (var row = 0; row + classes <= a.Length; row += classes)
                {
                    rows++;
                    agreeing += ArgMax(a.AsSpan(row, classes)) == ArgMax(b.AsSpan(row, classes)) ? 1 : 0;
                }
            }
        }

        return new ShadowComparison(maxDifference, outputs, rows, agreeing);
    }

    private static OrtValue? Find(Prediction prediction, string name)
    {
        for (var index = 0; index < prediction.OutputNames.Count; index++)
        {
            if (prediction.OutputNames[index] == name)
            {
                return prediction.Outputs[index];
            }
        }

        return null;
    }

    private static bool IsNumericTensor(OrtValue value) =>
        value.OnnxType == OnnxValueType.ONNX_TYPE_TENSOR && value.GetTensorTypeAndShape().ElementDataType is
            TensorElementType.Float or TensorElementType.Double or TensorElementType.Int64 or TensorElementType.Int32;

    private static bool IsClassScores(string name, OrtValue value, long[] shape, string? scoresOutput) =>
        scoresOutput is not null
            ? name == scoresOutput
            : value.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float && shape.Length == 2 && shape[1] > 1;

    private static double[] AsDoubles(OrtValue value) => value.GetTensorTypeAndShape().ElementDataType switch
    {
        TensorElementType.Float => Array.ConvertAll(value.GetTensorDataAsSpan<float>().ToArray(), x => (double)x),
        TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
        TensorElementType.Int64 => Array.ConvertAll(value.GetTensorDataAsSpan<long>().ToArray(), x => (double)x),
        _ => Array.ConvertAll(value.GetTensorDataAsSpan<int>().ToArray(), x => (double)x),
    };

    private static int ArgMax(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }
}
