using System.Buffers;
using System.Text.Json;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// The first phase's fast path for its one large case: an array of plain JSON numbers, a tensor's "data" (150,528 of
/// them for one resnet18 image). Checked token by token with <see cref="Utf8JsonReader"/> such an array cost 8.8 ms of
/// a 1.6 MB body, as long as a bare <c>JsonDocument.Parse</c>; here the same grammar is checked in one tight pass over
/// the bytes, recording where each element starts. An array holding anything else (a string, a literal, a nested array,
/// a syntax error) is left to the reader untouched, which reads it token by token and says what is wrong as before.
/// </summary>
internal static class NumberArrayScanner
{
    // Below this many bytes between the brackets the reader passes over the numbers itself: disguising and restoring
    // them would cost more than it saves (a tiny body's one row).
    private const int DisguiseThreshold = 256;

    /// <summary>
    /// When every element of the array whose '[' the reader is on is a plain number, records each one's offset and
    /// moves the reader onto the array's ']'; otherwise records nothing, leaves the reader where it was and returns false.
    /// </summary>
    public static bool TryPassOver(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets)
    {
        var open = checked((int)reader.TokenStartIndex);
        var first = offsets.Count;
        var close = Scan(json, open + 1, offsets);
        if (close < 0)
        {
            offsets.RemoveFrom(first);
            return false;
        }

        var inside = json[(open + 1)..close];
        if (inside.Length < DisguiseThreshold)
        {
            SkipElements(ref reader);
        }
        else
        {
            ReadOverDisguised(ref reader, inside);
        }

        return true;
    }

    /// <summary>
    /// Utf8JsonReader reads forward over its span and cannot be moved to an offset, so the numbers, checked already, are
    /// disguised for the reader's pass over them and put back before anything reads them. Without line breaks or tabs
    /// among them (a serializer's usual output) they become one string of spaces, which the reader crosses with its
    /// vectorized string search; otherwise white space with the line breaks and tabs kept, so that the reader's line and
    /// byte counts, and with them a later error's position, stay true. The bytes are the host's own pooled copy of the
    /// body.
    /// </summary>
    private static void ReadOverDisguised(ref Utf8JsonReader reader, Span<byte> inside)
    {
        var saved = ArrayPool<byte>.Shared.Rent(inside.Length);
        try
        {
            inside.CopyTo(saved);
            if (inside.IndexOfAny((byte)'\n', (byte)'\r', (byte)'\t') < 0)
            {
                inside.Fill((byte)' ');
                inside[0] = inside[^1] = (byte)'"';
                JsonSyntax.Next(ref reader); // the string
            }
            else
            {
                foreach (ref var b in inside)
                {
                    b = b is (byte)'\n' or (byte)'\r' or (byte)'\t' ? b : (byte)' ';
                }
            }

            JsonSyntax.Next(ref reader); // the array's ']'
        }
        finally
        {
            saved.AsSpan(0, inside.Length).CopyTo(inside);
            ArrayPool<byte>.Shared.Return(saved);
        }
    }

    // JsonSyntax.Skip would do, but allocates the key stack it needs for objects and strings, which checked numbers lack.
    private static void SkipElements(ref Utf8JsonReader reader)
    {
        do
        {
            JsonSyntax.Next(ref reader);
        }
        while (reader.TokenType != JsonTokenType.EndArray);
    }

    /// <summary>
    /// The offset of the array's ']' when the elements from <paramref name="start"/> on are plain numbers separated by
    /// commas (JSON's white space allowed around each); -1 at the first thing that is not.
    /// </summary>
    private static int Scan(ReadOnlySpan<byte> json, int start, ElementOffsets offsets)
    {
        var at = SkipWhiteSpace(json, start);
        if (at < json.Length && json[at] == ']')
        {
            return at;
        }

        while (true)
        {
            var end = NumberEnd(json, at);
            if (end < 0)
            {
                return -1;
            }

            offsets.AddPlain(at);
            at = SkipWhiteSpace(json, end);
            if (at >= json.Length)
            {
                return -1;
            }

            if (json[at] == ']')
            {
                return at;
            }

            if (json[at] != ',')
            {
                return -1;
            }

            at = SkipWhiteSpace(json, at + 1);
        }
    }

    /// <summary>Where the number starting at <paramref name="at"/> ends, by JSON's grammar: <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>; -1 if none starts there.</summary>
    private static int NumberEnd(ReadOnlySpan<byte> json, int at)
    {
        if (at < json.Length && json[at] == '-')
        {
            at++;
        }

        if (at >= json.Length || !char.IsAsciiDigit((char)json[at]))
        {
            return -1;
        }

        at = json[at] == '0' ? at + 1 : Digits(json, at);
        if (at < json.Length && json[at] == '.')
        {
            var fraction = at + 1;
            at = Digits(json, fraction);
            if (at == fraction)
            {
                return -1;
            }
        }

        if (at < json.Length && (json[at] | 0x20) == 'e')
        {
            at++;
            if (at < json.Length && json[at] is (byte)'+' or (byte)'-')
            {
                at++;
            }

            var exponent = at;
            at = Digits(json, exponent);
            if (at == exponent)
            {
                return -1;
            }
        }

        return at;
    }

    private static int Digits(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && char.IsAsciiDigit((char)json[at]))
        {
            at++;
        }

        return at;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }
}
