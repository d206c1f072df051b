using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>Shapes of JSON tensor values: inferred from nested arrays, or read from an explicit "shape" array.</summary>
internal static class JsonTensorShape
{
    /// <summary>Dimensions of a nested array, following first elements; a bare value is a scalar (rank 0).</summary>
    public static long[] Infer(JsonElement value)
    {
        var shape = new List<long>();
        while (value.ValueKind == JsonValueKind.Array)
        {
            var length = value.GetArrayLength();
            shape.Add(length);
            if (length == 0)
            {
                break;
            }

            value = value[0];
        }

        return shape.ToArray();
    }

    public static long[] ReadExplicit(JsonElement shapeElement, string inputName)
    {
        if (shapeElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException($"Input '{inputName}' has a \"shape\" that is not an array; expected e.g. \"shape\": [1, 4].");
        }

        var shape = new long[shapeElement.GetArrayLength()];
        var axis = 0;
        foreach (var dimension in shapeElement.EnumerateArray())
        {
            if (!dimension.TryGetInt64(out var size) || size < 0)
            {
                throw new InvalidInputException($"Input '{inputName}' has shape entry {axis} = {dimension.GetRawText()}; expected a non-negative integer.");
            }

            shape[axis++] = size;
        }

        return shape;
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
