using System.Text.Json;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// Strict conversion of the JSON token a reader is on to one tensor element. Float types also accept the strings
/// "NaN", "Infinity" and "-Infinity", since JSON numbers cannot spell them; integer types reject fractions,
/// out-of-range values and NaN. Numbers are parsed from the token's UTF-8 bytes; no string is made.
/// </summary>
internal static class JsonTokenReaders
{
    public delegate bool Reader<T>(ref Utf8JsonReader reader, out T value);

    public static bool Float(ref Utf8JsonReader reader, out float value)
    {
        var ok = Double(ref reader, out var wide);
        value = (float)wide;
        return ok && (!double.IsFinite(wide) || float.IsFinite(value));
    }

    public static bool Float16(ref Utf8JsonReader reader, out Float16 value)
    {
        value = default;
        return Double(ref reader, out var wide) && ReducedPrecision.TryToFloat16(wide, out value);
    }

    public static bool BFloat16(ref Utf8JsonReader reader, out BFloat16 value)
    {
        value = default;
        return Double(ref reader, out var wide) && ReducedPrecision.TryToBFloat16(wide, out value);
    }

    public static bool Double(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out value) && double.IsFinite(value),
            JsonTokenType.String => TryNamedFloat(ref reader, out value),
            _ => false,
        };
    }

    public static bool Int8(ref Utf8JsonReader reader, out sbyte value) => Integer(ref reader, out value, sbyte.MinValue, sbyte.MaxValue, static x => (sbyte)x);
    public static bool Int16(ref Utf8JsonReader reader, out short value) => Integer(ref reader, out value, short.MinValue, short.MaxValue, static x => (short)x);
    public static bool Int32(ref Utf8JsonReader reader, out int value) => Integer(ref reader, out value, int.MinValue, int.MaxValue, static x => (int)x);
    public static bool Int64(ref Utf8JsonReader reader, out long value) => Integer(ref reader, out value, long.MinValue, long.MaxValue, static x => x);
    public static bool UInt8(ref Utf8JsonReader reader, out byte value) => Integer(ref reader, out value, 0, byte.MaxValue, static x => (byte)x);
    public static bool UInt16(ref Utf8JsonReader reader, out ushort value) => Integer(ref reader, out value, 0, ushort.MaxValue, static x => (ushort)x);
    public static bool UInt32(ref Utf8JsonReader reader, out uint value) => Integer(ref reader, out value, 0, uint.MaxValue, static x => (uint)x);

    public static bool UInt64(ref Utf8JsonReader reader, out ulong value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out value);
    }

    public static bool Bool(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool Integer<T>(ref Utf8JsonReader reader, out T value, long min, long max, Func<long, T> narrow)
    {
        value = default!;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var wide) || wide < min || wide > max)
        {
            return false;
        }

        value = narrow(wide);
        return true;
    }

    private static bool TryNamedFloat(ref Utf8JsonReader reader, out double value)
    {
        value = reader.ValueTextEquals("NaN"u8) ? double.NaN
            : reader.ValueTextEquals("Infinity"u8) ? double.PositiveInfinity
            : reader.ValueTextEquals("-Infinity"u8) ? double.NegativeInfinity
            : 0;
        return value != 0;
    }
}
