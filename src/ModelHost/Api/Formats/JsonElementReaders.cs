using System.Text.Json;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// Strict conversion of one JSON value to one tensor element. Float types also accept the strings "NaN", "Infinity"
/// and "-Infinity", since JSON numbers cannot spell them; integer types reject fractions, out-of-range values and NaN.
/// </summary>
internal static class JsonElementReaders
{
    public delegate bool Reader<T>(JsonElement element, out T value);

    public static bool Float(JsonElement element, out float value)
    {
        var ok = Double(element, out var wide);
        value = (float)wide;
        return ok && (!double.IsFinite(wide) || float.IsFinite(value));
    }

    public static bool Float16(JsonElement element, out Float16 value)
    {
        value = default;
        return Double(element, out var wide) && ReducedPrecision.TryToFloat16(wide, out value);
    }

    public static bool BFloat16(JsonElement element, out BFloat16 value)
    {
        value = default;
        return Double(element, out var wide) && ReducedPrecision.TryToBFloat16(wide, out value);
    }

    public static bool Double(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value) && double.IsFinite(value),
            JsonValueKind.String => TryNamedFloat(element.GetString(), out value),
            _ => false,
        };
    }

    public static bool Int8(JsonElement element, out sbyte value) => Integer(element, out value, sbyte.MinValue, sbyte.MaxValue, static x => (sbyte)x);
    public static bool Int16(JsonElement element, out short value) => Integer(element, out value, short.MinValue, short.MaxValue, static x => (short)x);
    public static bool Int32(JsonElement element, out int value) => Integer(element, out value, int.MinValue, int.MaxValue, static x => (int)x);
    public static bool Int64(JsonElement element, out long value) => Integer(element, out value, long.MinValue, long.MaxValue, static x => x);
    public static bool UInt8(JsonElement element, out byte value) => Integer(element, out value, 0, byte.MaxValue, static x => (byte)x);
    public static bool UInt16(JsonElement element, out ushort value) => Integer(element, out value, 0, ushort.MaxValue, static x => (ushort)x);
    public static bool UInt32(JsonElement element, out uint value) => Integer(element, out value, 0, uint.MaxValue, static x => (uint)x);

    public static bool UInt64(JsonElement element, out ulong value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out value);
    }

    public static bool Bool(JsonElement element, out bool value)
    {
        value = element.ValueKind == JsonValueKind.True;
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    public static bool String(JsonElement element, out string value)
    {
        value = element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
        return element.ValueKind == JsonValueKind.String;
    }

    private static bool Integer<T>(JsonElement element, out T value, long min, long max, Func<long, T> narrow)
    {
        value = default!;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var wide) || wide < min || wide > max)
        {
            return false;
        }

        value = narrow(wide);
        return true;
    }

    private static bool TryNamedFloat(string? text, out double value)
    {
        value = text switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return text is "NaN" or "Infinity" or "-Infinity";
    }
}
