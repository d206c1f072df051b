using System.Runtime.InteropServices;

namespace MultiModel.TestModels;

/// <summary>
/// Uniform floats from a fixed seed (SplitMix64). Our own generator, not <see cref="Random"/>, so the same seed gives
/// the same model bytes on every runtime version, and so 25 million weights take milliseconds.
/// </summary>
internal static class DeterministicWeights
{
    /// <summary>
    /// <paramref name="count"/> floats uniform in [-scale, scale), as the little-endian bytes ONNX raw data holds:
    /// written in place, so a 100 MB weight is allocated once.
    /// </summary>
    public static byte[] UniformRawFloats(int count, float scale, ulong seed)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this writer assumes the host is too.");
        }

        var bytes = new byte[checked(count * sizeof(float))];
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        var state = seed;
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            // The top 24 bits are exactly representable in a float: u is uniform in [0, 1).
            var u = (z >> 40) * (1.0f / (1 << 24));
            values[i] = ((2 * u) - 1) * scale;
        }

        return bytes;
    }

    /// <summary>A distinct stream per tensor, so changing one layer's size does not shift every other layer's weights.</summary>
    public static ulong StreamSeed(int seed, int tensorIndex) =>
        (unchecked((ulong)seed) * 0x100000001B3UL) ^ ((ulong)(tensorIndex + 1) * 0xD6E8FEB86659FD93UL);
}
