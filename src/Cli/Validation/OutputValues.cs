using System.Globalization;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;

namespace MultiModel.Cli.Validation;

/// <summary>
/// One output of one run, copied out of ONNX Runtime's memory so that runs of two models can be compared after both
/// are disposed: numbers as doubles, strings as strings, a ZipMap's rows as label-to-score maps.
/// </summary>
internal sealed record OutputValues(
    string Name, long[] Shape, bool IsFloatingPoint, double[]? Numbers, string[]? Texts, IReadOnlyList<IReadOnlyDictionary<string, double>>? ScoreRows)
{
    public long Elements => Numbers?.Length ?? Texts?.Length ?? ScoreRows?.Count ?? 0;

    public static OutputValues Read(string name, OrtValue value, StructuredSignature? structured)
    {
        if (structured is not null)
        {
            return structured.IsScoreMaps ? ReadScoreMaps(name, value)
                : new OutputValues(name, [], false, null, null, null); // other sequences and maps are not compared
        }

        var info = value.GetTensorTypeAndShape();
        var type = info.ElementDataType;
        if (type == TensorElementType.String)
        {
            return new OutputValues(name, info.Shape, false, null, value.GetStringTensorAsArray(), null);
        }

        var floating = type is TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16;
        return new OutputValues(name, info.Shape, floating, ToDoubles(value, type), null, null);
    }

    /// <summary>
    /// The best class of each row: the index of the highest score along the last dimension, or a ZipMap row's key with
    /// the highest score. Null when there are no rows to rank.
    /// </summary>
    public string[]? TopClasses()
    {
        if (ScoreRows is not null)
        {
            return ScoreRows.Select(row => row.Count == 0 ? "" : row.MaxBy(entry => entry.Value).Key).ToArray();
        }

        if (Numbers is not { Length: > 0 } numbers || Shape.Length == 0 || Shape[^1] < 1)
        {
            return null;
        }

        var classes = (int)Shape[^1];
        return Enumerable.Range(0, numbers.Length / classes)
            .Select(row => ArgMax(numbers.AsSpan(row * classes, classes)).ToString(CultureInfo.InvariantCulture))
            .ToArray();
    }

    private static int ArgMax(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var index = 1; index < scores.Length; index++)
        {
            if (scores[index] > scores[best])
            {
                best = index;
            }
        }

        return best;
    }

    private static OutputValues ReadScoreMaps(string name, OrtValue sequence)
    {
        var rows = new IReadOnlyDictionary<string, double>[sequence.GetValueCount()];
        for (var row = 0; row < rows.Length; row++)
        {
            var (scores, numericKeys, textKeys) = ScoreMaps.Row(sequence, row);
            rows[row] = scores.Select((score, index) => (Key: textKeys?[index] ?? numericKeys![index].ToString(CultureInfo.InvariantCulture), Score: (double)score))
                .ToDictionary(entry => entry.Key, entry => entry.Score, StringComparer.Ordinal);
        }

        return new OutputValues(name, [rows.Length], true, null, null, rows);
    }

    private static double[] ToDoubles(OrtValue value, TensorElementType type) => type switch
    {
        TensorElementType.Float => Convert<float>(value, x => x),
        TensorElementType.Double => Convert<double>(value, x => x),
        TensorElementType.Float16 => Convert<Float16>(value, x => x.ToFloat()),
        TensorElementType.BFloat16 => Convert<BFloat16>(value, x => x.ToFloat()),
        TensorElementType.Int8 => Convert<sbyte>(value, x => x),
        TensorElementType.Int16 => Convert<short>(value, x => x),
        TensorElementType.Int32 => Convert<int>(value, x => x),
        TensorElementType.Int64 => Convert<long>(value, x => x),
        TensorElementType.UInt8 => Convert<byte>(value, x => x),
        TensorElementType.UInt16 => Convert<ushort>(value, x => x),
        TensorElementType.UInt32 => Convert<uint>(value, x => x),
        TensorElementType.UInt64 => Convert<ulong>(value, x => x),
        TensorElementType.Bool => Convert<bool>(value, x => x ? 1 : 0),
        _ => [],
    };

    private static double[] Convert<T>(OrtValue value, Func<T, double> convert) where T : unmanaged
    {
        var span = value.GetTensorDataAsSpan<T>();
        var result = new double[span.Length];
        for (var index = 0; index < span.Length; index++)
        {
            result[index] = convert(span[index]);
        }

        return result;
    }
}
