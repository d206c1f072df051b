using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>Shapes of JSON tensor values: read from an explicit "shape" array, counted, and used to name elements in messages.</summary>
internal static class JsonTensorShape
{
    /// <summary>Reads the "shape" array the reader is on, moving past it.</summary>
    public static long[] ReadExplicit(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string inputName)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonSyntax.Skip(ref reader);
            throw new InvalidInputException($"Input '{inputName}' has a \"shape\" that is not an array; expected e.g. \"shape\": [1, 4].");
        }

        var shape = new List<long>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var size) || size < 0)
            {
                throw new InvalidInputException(
                    $"Input '{inputName}' has shape entry {shape.Count} = {JsonSyntax.RawValue(ref reader, json)}; expected a non-negative integer.");
            }

            shape.Add(size);
        }

        return shape.ToArray();
    }

    public static long ElementCount(long[] shape, string inputName)
    {
        long count = 1;
        foreach (var size in shape)
        {
            count = size == 0 ? 0 : count <= Array.MaxLength / size ? count * size
                : throw new InvalidInputException($"Input '{inputName}' has shape [{string.Join(", ", shape)}], which has more elements than one tensor can hold.");
        }

        return count;
    }

    /// <summary>The position of a flat element in row-major order, for messages, e.g. "x[1][3]".</summary>
    public static string PathOf(string inputName, long flatIndex, long[] shape)
    {
        if (shape.Length == 0)
        {
            return inputName;
        }

        var indices = new long[shape.Length];
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            indices[axis] = shape[axis] == 0 ? 0 : flatIndex % shape[axis];
            flatIndex = shape[axis] == 0 ? 0 : flatIndex / shape[axis];
        }

        return inputName + string.Concat(indices.Select(index => $"[{index}]"));
    }
}
