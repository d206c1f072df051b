namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// Clinger's fast path for the numbers tensors are made of: a decimal whose digits fit in 53 bits and whose power of
/// ten is at most 22 is one exact integer times or divided by one exact power of ten, so one IEEE operation rounds it
/// correctly, the same double the full parser gives. Anything else (more digits, a larger exponent) is left to the
/// full parser. The first phase has checked the JSON number syntax, which this relies on.
/// </summary>
internal static class ShortDecimal
{
    private const ulong MaxExact = 1UL << 53;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>Parses the JSON number at the start of <paramref name="json"/>; false when it is not one this path takes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out double value, out int consumed)
    {
        value = 0;
        var at = 0;
        var negative = json.Length > 0 && json[0] == '-';
        at += negative ? 1 : 0;
        ulong digits = 0;
        var scale = 0;
        var sawDigit = false;
        for (; at < json.Length && (uint)(json[at] - '0') <= 9; at++, sawDigit = true)
        {
            if (!Accumulate(ref digits, json[at]))
            {
                consumed = 0;
                return false;
            }
        }

        if (at < json.Length && json[at] == '.')
        {
            for (at++; at < json.Length && (uint)(json[at] - '0') <= 9; at++, scale--)
            {
                if (!Accumulate(ref digits, json[at]))
                {
                    consumed = 0;
                    return false;
                }
            }
        }

        if (at < json.Length && (json[at] | 0x20) == 'e')
        {
            at++;
            var negativeExponent = at < json.Length && json[at] == '-';
            at += at < json.Length && json[at] is (byte)'-' or (byte)'+' ? 1 : 0;
            var exponent = 0;
            for (; at < json.Length && (uint)(json[at] - '0') <= 9; at++)
            {
                exponent = Math.Min(exponent * 10 + (json[at] - '0'), 1000);
            }

            scale += negativeExponent ? -exponent : exponent;
        }

        consumed = at;
        if (!sawDigit || scale < -22 || scale > 22)
        {
            return false;
        }

        value = scale >= 0 ? digits * PowersOfTen[scale] : digits / PowersOfTen[-scale];
        value = negative ? -value : value;
        return true;
    }

    private static bool Accumulate(ref ulong digits, byte digit)
    {
        digits = digits * 10 + (uint)(digit - '0');
        return digits < MaxExact;
    }
}
