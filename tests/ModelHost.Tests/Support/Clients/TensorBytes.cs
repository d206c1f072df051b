using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MultiModel.ModelHost.Tests.Support.Clients;

/// <summary>
/// Tensors as the binary tensor data extension lays them out (numpy's <c>tobytes()</c>; BYTES as tritonclient's
/// <c>serialize_byte_tensor</c>: a 4-byte little-endian length and the bytes, per element). Tests compare outputs in
/// this form, whichever way they came.
/// </summary>
public static class TensorBytes
{
    public static byte[] Of(Array data) => data switch
    {
        string[] strings => Strings(strings),
        bool[] bools => bools.Select(b => b ? (byte)1 : (byte)0).ToArray(),
        float[] x => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(),
        Microsoft.ML.OnnxRuntime.Float16[] x => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(),
        Microsoft.ML.OnnxRuntime.BFloat16[] x => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(),
        double[] x => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(),
        int[] x => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(),
        long[] x => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(),
        sbyte[] x when data.GetType() == typeof(sbyte[]) => MemoryMarshal.AsBytes(x.AsSpan()).ToArray(), // the runtime lets byte[] and sbyte[] pass as each other
        byte[] x => x.ToArray(),
        _ => throw new ArgumentException($"No layout for {data.GetType()}.", nameof(data)),
    };

    public static byte[] Strings(IEnumerable<string> strings)
    {
        var bytes = new List<byte>();
        foreach (var text in strings)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)utf8.Length);
            bytes.AddRange(length);
            bytes.AddRange(utf8);
        }

        return bytes.ToArray();
    }

    /// <summary>An output's JSON "data" in the same layout, read as its datatype says.</summary>
    public static byte[] FromJson(System.Text.Json.JsonElement data, string datatype)
    {
        var values = data.EnumerateArray().ToArray();
        return datatype switch
        {
            "FP32" => Of(values.Select(v => v.GetSingle()).ToArray()),
            "FP16" => Of(values.Select(v => new Microsoft.ML.OnnxRuntime.Float16(BitConverter.HalfToUInt16Bits((Half)v.GetSingle()))).ToArray()),
            "BF16" => Of(values.Select(v => new Microsoft.ML.OnnxRuntime.BFloat16((ushort)(BitConverter.SingleToUInt32Bits(v.GetSingle()) >> 16))).ToArray()),
            "FP64" => Of(values.Select(v => v.GetDouble()).ToArray()),
            "INT32" => Of(values.Select(v => v.GetInt32()).ToArray()),
            "INT64" => Of(values.Select(v => v.GetInt64()).ToArray()),
            "UINT8" => Of(values.Select(v => v.GetByte()).ToArray()),
            "INT8" => Of(values.Select(v => v.GetSByte()).ToArray()),
            "BOOL" => Of(values.Select(v => v.GetBoolean()).ToArray()),
            // A sequence's or map's elements are objects, which the Python clients read as dicts; kept as their JSON here.
            "BYTES" => Strings(values.Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Object ? v.GetRawText() : v.GetString()!)),
            _ => throw new ArgumentException($"No reader for {datatype}.", nameof(datatype)),
        };
    }
}
