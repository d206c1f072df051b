using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// Writes <c>memoryMb</c> into one function of the deployment config by splicing the text, not by re-serializing it,
/// so the file's comments, order and layout stay as its author wrote them: an existing value is replaced in place, a
/// missing one is added as the object's first property, indented as the next one is.
/// </summary>
internal static class DeployConfigEditor
{
    private const string Property = "memoryMb";

    /// <summary>Sets the size; returns the one it replaced, or null when there was none.</summary>
    public static int? SetMemory(DeployConfigTarget target, int memoryMb)
    {
        var text = File.ReadAllBytes(target.Path);
        var place = Locate(text, target);
        var value = Encoding.UTF8.GetBytes(memoryMb.ToString(CultureInfo.InvariantCulture));
        byte[] edited;
        if (place.ValueStart is { } start)
        {
            edited = [.. text.AsSpan(0, start), .. value, .. text.AsSpan(place.ValueEnd)];
        }
        else
        {
            // Before the object's first property, with the whitespace that precedes it, so the layout holds.
            var gap = Encoding.UTF8.GetString(text, place.ObjectStart + 1, place.FirstPropertyStart - place.ObjectStart - 1);
            var separator = gap.Contains('\n', StringComparison.Ordinal) ? $",{gap[gap.LastIndexOf('\n')..]}" : ", ";
            var insert = Encoding.UTF8.GetBytes($"\"{Property}\": {memoryMb}{separator}");
            edited = [.. text.AsSpan(0, place.FirstPropertyStart), .. insert, .. text.AsSpan(place.FirstPropertyStart)];
        }

        File.WriteAllBytes(target.Path, edited);
        return place.Previous;
    }

    /// <summary>Where the function's object and its memoryMb are; throws saying what is missing.</summary>
    public static Place Locate(byte[] text, DeployConfigTarget target)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var reader = new Utf8JsonReader(text, options);
        try
        {
            var objectStart = target.Function is null ? FindModelHost(ref reader) : FindIsolated(ref reader, target.Function);
            if (objectStart is null)
            {
                throw new TuningException($"--apply: {target.Path} has no {target.Describe()} object; expected {(target.Function is null ? "\"modelHost\": { ... }" : $"an entry {{\"name\": \"{target.Function}\", ...}} in \"isolatedFunctions\"")}.");
            }

            return ReadObject(text, objectStart.Value, options);
        }
        catch (JsonException exception)
        {
            throw new TuningException($"--apply: {target.Path} is not valid JSON ({exception.Message}).", exception);
        }
    }

    private static int? FindModelHost(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("modelHost"))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.StartObject ? (int)reader.TokenStartIndex : null;
            }
        }

        return null;
    }

    private static int? FindIsolated(ref Utf8JsonReader reader, string function)
    {
        int? current = null;
        while (reader.Read())
        {
            // isolatedFunctions' entries are objects at depth 2; their "name" at depth 3.
            if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                current = (int)reader.TokenStartIndex;
            }
            else if (current is not null && reader.CurrentDepth == 3 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("name")
                && reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(function))
            {
                return current;
            }
        }

        return null;
    }

    private static Place ReadObject(byte[] text, int objectStart, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(text.AsSpan(objectStart), options);
        reader.Read(); // the object's '{'
        int? firstProperty = null;
        while (reader.Read() && reader.CurrentDepth >= 1)
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                firstProperty ??= objectStart + (int)reader.TokenStartIndex;
                if (reader.ValueTextEquals(Property))
                {
                    reader.Read();
                    var previous = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : (int?)null;
                    var start = objectStart + (int)reader.TokenStartIndex;
                    return new Place(objectStart, firstProperty.Value, start, objectStart + (int)reader.BytesConsumed, previous);
                }

                reader.Skip();
            }
        }

        return firstProperty is { } first ? new Place(objectStart, first, null, 0, null)
            : throw new TuningException("--apply: the function's object is empty; expected at least its models.");
    }

    /// <param name="ValueStart">Where the existing memoryMb value starts; null when the object has none.</param>
    internal sealed record Place(int ObjectStart, int FirstPropertyStart, int? ValueStart, int ValueEnd, int? Previous);
}
