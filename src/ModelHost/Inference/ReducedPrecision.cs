namespace MultiModel.ModelHost.Inference;

/// <summary>
/// float16 (IEEE half) and bfloat16 (the upper 16 bits of a float32) elements as ONNX Runtime stores them, from and
/// to the numbers requests and responses carry. Both round to nearest, ties to even, straight from the double a
/// request's text was read as, so no value is rounded twice.
/// </summary>
public static class ReducedPrecision
{
    /// <summary>False when a finite value is too large for float16 (it would become infinite).</summary>
    public static bool TryToFloat16(double value, out Float16 result)
    {
        var half = (Half)value;
        result = new Float16(BitConverter.HalfToUInt16Bits(half));
        return Half.IsFinite(half) || !double.IsFinite(value);
    }

    /// <summary>False when a finite value is too large for bfloat16 (it would become infinite).</summary>
    public static bool TryToBFloat16(double value, out BFloat16 result)
    {
        var single = (float)value;
        var bits = BitConverter.SingleToUInt32Bits(single);
        if (float.IsNaN(single))
        {
            result = new BFloat16((ushort)((bits >> 16) | 0x0040)); // quiet NaN, sign kept
            return true;
        }

        // A tie at float32 precision may not be one at double's: break it the way the double says.
        if ((bits & 0xFFFF) == 0x8000 && single != value)
        {
            bits = Math.Abs(value) > Math.Abs(single) ? bits + 1 : bits - 1;
        }

        var rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16;
        result = new BFloat16((ushort)rounded);
        return float.IsFinite(ToSingle(result)) || !double.IsFinite(value);
    }

    public static float ToSingle(Float16 value) => (float)BitConverter.UInt16BitsToHalf(value.value);

    public static float ToSingle(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.value << 16);
}
