using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// What <see cref="Utf8JsonReader"/> leaves to its caller and <c>JsonDocument</c> checked for us: a key given twice in
/// one object, and invalid UTF-8 in a string or a property name (the reader checks it only when a string is
/// materialized). Every token of a request passes through here or through a reader that calls it, so a body that gets
/// past the first phase is well-formed JSON throughout, not only where the format looks.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>
    /// The keys of one object so far. A set, not a list: with a list, 50,000 keys in one object took 5.4 s of a core
    /// and the time grows with the square of the count; with the set, 0.05 s.
    /// </summary>
    public static HashSet<string> Keys() => new(StringComparer.Ordinal);

    /// <summary>The property name the reader is on, checked for UTF-8 and against the object's earlier keys.</summary>
    public static string PropertyName(ref Utf8JsonReader reader, HashSet<string> keysSoFar)
    {
        var name = reader.GetString()!; // throws System.Text.Json's own invalid UTF-8 error, which maps to a 400
        if (!keysSoFar.Add(name))
        {
            // A key given twice is refused rather than letting the last one win: "inputs" twice is a client's mistake.
            throw new JsonException($"Duplicate key '{Truncate(name)}' in one object; each key may be given once.");
        }

        return name;
    }

    /// <summary>Throws System.Text.Json's own error when the string the reader is on is not valid UTF-8.</summary>
    public static void CheckString(ref Utf8JsonReader reader)
    {
        if (!Utf8.IsValid(reader.ValueSpan))
        {
            _ = reader.GetString();
        }
    }

    /// <summary>Moves past the value the reader is on (its last token), checking every key and string inside it.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            CheckString(ref reader);
            return;
        }

        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = reader.CurrentDepth;
        var keys = new Stack<HashSet<string>?>();
        keys.Push(reader.TokenType == JsonTokenType.StartObject ? Keys() : null);
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    PropertyName(ref reader, keys.Peek()!);
                    break;
                case JsonTokenType.String:
                    CheckString(ref reader);
                    break;
                case JsonTokenType.StartObject:
                    keys.Push(Keys());
                    break;
                case JsonTokenType.StartArray:
                    keys.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    keys.Pop();
                    break;
            }
        }
    }

    /// <summary>The value the reader is on as it was sent (moving past it), for messages that quote it.</summary>
    public static string RawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json) => Truncate(WholeRawValue(ref reader, json));

    /// <summary>The value the reader is on as it was sent, whole (moving past it).</summary>
    public static string WholeRawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        Skip(ref reader);
        return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
    }

    /// <summary>Reads the next token, which the JSON's syntax guarantees is there once a value or property has begun.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ends in the middle of a value.");
        }
    }

    /// <summary>The value the reader is on in words, for messages (moving past it): "an array of 3", "the string \"a\"", "null", "1.5".</summary>
    public static string Describe(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var depth = reader.CurrentDepth;
                var children = 0L;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    children += reader.CurrentDepth == depth + 1 && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject) ? 1 : 0;
                }

                return $"an array of {children}";
            case JsonTokenType.StartObject:
                Skip(ref reader);
                return "an object";
            case JsonTokenType.String:
                return "the string " + RawValue(ref reader, json);
            default:
                return RawValue(ref reader, json);
        }
    }

    public static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
