using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>
/// One 128-bit XXH3 hash of a request as the model sees it: what shapes the response besides the tensors (given by
/// the caller as strings: the format, the outputs asked for, what is echoed), then every input tensor in name order
/// with its element type, shape and bytes (a string tensor's elements as length and UTF-8). So the same tensors sent as
/// JSON with other spacing, number spelling or key order, or as binary, give the same hash; any bit of any element
/// changes it. Seeded with a random number per process, so a caller cannot compute the hash of an input ahead, which
/// a deliberate collision would need (XXH3 is fast, not cryptographic).
/// </summary>
internal sealed class RequestHash
{
    private readonly long _seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    public UInt128 Of(IReadOnlyList<string?> shaping, ModelInputs inputs)
    {
        var hash = new XxHash128(_seed);
        Span<byte> number = stackalloc byte[sizeof(long)];
        foreach (var part in shaping)
        {
            AppendString(hash, part, number);
        }

        var order = Enumerable.Range(0, inputs.Names.Count).OrderBy(index => inputs.Names[index], StringComparer.Ordinal);
        foreach (var index in order)
        {
            AppendString(hash, inputs.Names[index], number);
            AppendTensor(hash, inputs.Values[index], number);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    private void AppendTensor(XxHash128 hash, OrtValue tensor, Span<byte> number)
    {
        var info = tensor.GetTensorTypeAndShape();
        AppendNumber(hash, (long)info.ElementDataType, number);
        AppendNumber(hash, info.Shape.Length, number);
        foreach (var dimension in info.Shape)
        {
            AppendNumber(hash, dimension, number);
        }

        if (info.ElementDataType != TensorElementType.String)
        {
            // Only read: ONNX Runtime's one view of any element type's bytes. Hashed in one call and its digest appended:
            // XxHash128's one-shot hash of a large span is many times faster than appending the span to a running hash.
            var digest = XxHash128.HashToUInt128(tensor.GetTensorMutableRawData(), _seed);
            AppendNumber(hash, (long)(ulong)(digest >> 64), number);
            AppendNumber(hash, (long)(ulong)digest, number);
            return;
        }

        foreach (var element in tensor.GetStringTensorAsArray())
        {
            AppendString(hash, element, number);
        }
    }

    // Every variable-length part is preceded by its length, so no two different requests can run together into the same bytes.
    private static void AppendString(XxHash128 hash, string? text, Span<byte> number)
    {
        AppendNumber(hash, text is null ? -1 : Encoding.UTF8.GetByteCount(text), number);
        if (!string.IsNullOrEmpty(text))
        {
            hash.Append(Encoding.UTF8.GetBytes(text));
        }
    }

    private static void AppendNumber(XxHash128 hash, long value, Span<byte> number)
    {
        BinaryPrimitives.WriteInt64LittleEndian(number, value);
        hash.Append(number);
    }
}
