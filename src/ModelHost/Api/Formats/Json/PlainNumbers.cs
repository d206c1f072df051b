using System.Buffers.Text;
using csFastFloat;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// The fast path of the second phase: a JSON number (or literal) the first phase found, parsed from its bytes exactly
/// as <see cref="System.Text.Json.Utf8JsonReader"/>'s TryGetDouble, TryGetInt64 and TryGetUInt64 parse it, with the
/// same rules as <see cref="JsonTokenReaders"/>. False sends the element to the slow path, which converts the rest
/// ("NaN" strings) or says why it does not fit.
/// </summary>
internal static class PlainNumbers
{
    /// <summary>Parses the token at the start of <paramref name="token"/>, which runs on to the end of the JSON.</summary>
    public delegate bool Parser<T>(ReadOnlySpan<byte> token, out T value);

    // csFastFloat (Lemire's fast_float): exact, like Utf8Parser, and several times faster on the long digit strings
    // that tensors of floats are written as. The first phase has checked the JSON number syntax it relies on.
    public static bool Double(ReadOnlySpan<byte> token, out double value) =>
        FastDoubleParser.TryParseDouble(token, out var consumed, out value) && Whole(token, consumed) && double.IsFinite(value);

    /// <summary>Parsed straight to float32, rounded once as Utf8JsonReader.TryGetSingle rounds, not through a double.</summary>
    public static bool Float(ReadOnlySpan<byte> token, out float value) =>
        FastFloatParser.TryParseFloat(token, out var consumed, out value) && Whole(token, consumed) && float.IsFinite(value);

    public static bool Float16(ReadOnlySpan<byte> token, out Float16 value)
    {
        value = default;
        return Double(token, out var wide) && ReducedPrecision.TryToFloat16(wide, out value);
    }

    public static bool BFloat16(ReadOnlySpan<byte> token, out BFloat16 value)
    {
        value = default;
        return Double(token, out var wide) && ReducedPrecision.TryToBFloat16(wide, out value);
    }

    public static bool Int8(ReadOnlySpan<byte> token, out sbyte value) => Integer(token, out value, sbyte.MinValue, sbyte.MaxValue, static x => (sbyte)x);
    public static bool Int16(ReadOnlySpan<byte> token, out short value) => Integer(token, out value, short.MinValue, short.MaxValue, static x => (short)x);
    public static bool Int32(ReadOnlySpan<byte> token, out int value) => Integer(token, out value, int.MinValue, int.MaxValue, static x => (int)x);
    public static bool Int64(ReadOnlySpan<byte> token, out long value) => Integer(token, out value, long.MinValue, long.MaxValue, static x => x);
    public static bool UInt8(ReadOnlySpan<byte> token, out byte value) => Integer(token, out value, 0, byte.MaxValue, static x => (byte)x);
    public static bool UInt16(ReadOnlySpan<byte> token, out ushort value) => Integer(token, out value, 0, ushort.MaxValue, static x => (ushort)x);
    public static bool UInt32(ReadOnlySpan<byte> token, out uint value) => Integer(token, out value, 0, uint.MaxValue, static x => (uint)x);

    public static bool UInt64(ReadOnlySpan<byte> token, out ulong value) => Utf8Parser.TryParse(token, out value, out var consumed) && Whole(token, consumed);

    public static bool Bool(ReadOnlySpan<byte> token, out bool value)
    {
        value = token.StartsWith("true"u8) && Whole(token, 4);
        return value || (token.StartsWith("false"u8) && Whole(token, 5));
    }

    private static bool Integer<T>(ReadOnlySpan<byte> token, out T value, long min, long max, Func<long, T> narrow)
    {
        value = default!;
        if (!Utf8Parser.TryParse(token, out long wide, out var consumed) || !Whole(token, consumed) || wide < min || wide > max)
        {
            return false;
        }

        value = narrow(wide);
        return true;
    }

    // The first phase found a whole number token here, so the parse took all of it when what follows is what JSON puts
    // after a value; a parse that stopped early (the "5" of "5.5" for an integer) leaves the element to the slow path.
    private static bool Whole(ReadOnlySpan<byte> token, int consumed) =>
        consumed == token.Length || token[consumed] is (byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
