using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// The first phase of a JSON tensor, before the model is known: one pass over its tokens that finds its shape and
/// where its elements lie, without converting an element. A nested array's shape follows its first elements, as its
/// sender wrote it; whether every sub-array agrees is found in the same pass and reported after the model's shape,
/// which says more about a wrong one.
/// </summary>
internal static class JsonTensorScanner
{
    /// <summary>An input of our format: a nested array, a bare value (a scalar), or <c>{"shape": [...], "data": [...]}</c>.</summary>
    public static JsonInput Scan(ref Utf8JsonReader reader, Span<byte> json, string name, ElementOffsets offsets)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            long[]? shape = null;
            (bool IsArray, int First, long Elements)? data = null;
            var keys = JsonSyntax.Keys();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = JsonSyntax.PropertyName(ref reader, keys);
                JsonSyntax.Next(ref reader);
                switch (key)
                {
                    case "shape":
                        shape = JsonTensorShape.ReadExplicit(ref reader, json, name);
                        break;
                    case "data":
                        data = ScanData(ref reader, json, offsets);
                        break;
                    default:
                        JsonSyntax.Skip(ref reader);
                        break;
                }
            }

            return Explicit(name, shape, data);
        }

        return reader.TokenType == JsonTokenType.StartArray ? ScanNested(ref reader, json, name, offsets) : Scalar(ref reader, name, offsets);
    }

    /// <summary>An input given as a shape and row-major data, checked once its object has been read.</summary>
    /// <param name="data">Whether "data" was an array, and where its elements' offsets are.</param>
    public static JsonInput Explicit(string name, long[]? shape, (bool IsArray, int First, long Elements)? data)
    {
        if (shape is null || data is null)
        {
            throw new InvalidInputException(
                $"Input '{name}' is an object without \"shape\" and \"data\"; expected a nested array, or {{\"shape\": [...], \"data\": [...]}}.");
        }

        return data.Value.IsArray
            ? new JsonInput(name, shape, data.Value.First, data.Value.Elements)
            : throw new InvalidInputException($"Input '{name}' has \"data\" that is not an array; expected the elements in row-major order.");
    }

    /// <summary>
    /// Explicit data: its place in the JSON and how many elements it holds (nesting in it is only flattened). Plain
    /// numbers, the usual case and the large one, take <see cref="NumberArrayScanner"/>'s fast path.
    /// </summary>
    public static (bool IsArray, int First, long Elements) ScanData(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets)
    {
        var first = offsets.Count;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonSyntax.Skip(ref reader);
            return (false, first, 0);
        }

        if (NumberArrayScanner.TryPassOver(ref reader, json, offsets))
        {
            return (true, first, offsets.Count - first);
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.EndArray))
            {
                Element(ref reader, offsets);
            }
        }

        return (true, first, offsets.Count - first);
    }

    private static JsonInput Scalar(ref Utf8JsonReader reader, string name, ElementOffsets offsets)
    {
        var first = offsets.Count;
        Element(ref reader, offsets);
        return new JsonInput(name, [], first, Elements: 1);
    }

    /// <summary>Records where the element the reader is on starts, moving past it.</summary>
    private static void Element(ref Utf8JsonReader reader, ElementOffsets offsets)
    {
        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
        {
            offsets.AddPlain(reader.TokenStartIndex);
            return;
        }

        offsets.AddOther(reader.TokenStartIndex);
        JsonSyntax.Skip(ref reader);
    }

    private static JsonInput ScanNested(ref Utf8JsonReader reader, Span<byte> json, string name, ElementOffsets offsets)
    {
        var first = offsets.Count;
        if (NumberArrayScanner.TryPassOver(ref reader, json, offsets)) // a vector of plain numbers
        {
            var length = offsets.Count - first;
            return new JsonInput(name, [length], first, length);
        }

        var lengths = new List<long> { -1 }; // per depth, the length of the first array there: the shape, once known
        var counts = new List<long> { 0 };   // per open array, its elements so far
        var rank = -1;                       // known at the first element that is not an array
        string? notRectangular = null;
        while (counts.Count > 0)
        {
            JsonSyntax.Next(ref reader);
            var axis = counts.Count - 1;
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                rank = rank < 0 ? counts.Count : rank; // an empty array ends the first descent too
                if (lengths[axis] < 0)
                {
                    lengths[axis] = counts[axis];
                }
                else if (counts[axis] != lengths[axis])
                {
                    notRectangular ??= NotRectangular(name, counts, axis, lengths[axis], $"an array of {counts[axis]}");
                }

                counts.RemoveAt(axis);
                continue;
            }

            counts[axis]++;
            // An innermost array of plain numbers (a row of an image, 224 numbers) may take the fast path whole; the
            // first one, met while the rank is still unknown, gives the rank as its first element would.
            var recorded = offsets.Count;
            if (reader.TokenType == JsonTokenType.StartArray && (rank < 0 || axis + 2 == rank)
                && NumberArrayScanner.TryPassOver(ref reader, json, offsets))
            {
                var length = offsets.Count - recorded;
                if (rank < 0)
                {
                    rank = axis + 2;
                    lengths.Add(length); // the first descent has a length per depth so far: this is the row's
                }
                else if (length != lengths[axis + 1])
                {
                    notRectangular ??= NotRectangular(name, counts, axis + 1, lengths[axis + 1], $"an array of {length}");
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.StartArray && (rank < 0 || axis + 1 < rank))
            {
                counts.Add(0);
                if (lengths.Count == counts.Count - 1)
                {
                    lengths.Add(-1);
                }

                continue;
            }

            rank = rank < 0 ? counts.Count : rank;
            if (axis + 1 < rank)
            {
                notRectangular ??= NotRectangular(name, counts, axis + 1, lengths[axis + 1], JsonSyntax.Describe(ref reader, json));
                continue;
            }

            Element(ref reader, offsets); // its type is checked with the model's, an array here included
        }

        return new JsonInput(name, lengths.Take(rank).ToArray(), first, offsets.Count - first, notRectangular);
    }

    // The array at depth `axis` is the open one's `counts[axis - 1] - 1`th element: its path is the open indices before it.
    private static string NotRectangular(string name, List<long> counts, int axis, long expected, string got) =>
        $"Input '{name}' is not rectangular at {name}{string.Concat(counts.Take(axis).Select(count => $"[{count - 1}]"))}: " +
        $"expected an array of {expected} elements like the first one, got {got}.";
}
