using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Api.Formats.Binary;

/// <summary>
/// An output's raw bytes in Triton's binary tensor data extension: ONNX Runtime's own buffer for fixed-size types
/// (little-endian, row-major, written without a copy of ours), and for BYTES each element as a 4-byte little-endian
/// length and its UTF-8 bytes.
/// </summary>
internal sealed class BinaryTensorWriter
{
    private readonly OrtValue _tensor;
    private readonly byte[]? _encodedStrings;

    public BinaryTensorWriter(OrtValue tensor)
    {
        _tensor = tensor;
        var type = tensor.GetTensorTypeAndShape().ElementDataType;
        _encodedStrings = type == TensorElementType.String ? EncodeStrings(tensor) : null;
        Size = _encodedStrings?.Length ?? tensor.GetTensorMutableRawData().Length;
    }

    /// <summary>The output's <c>binary_data_size</c>.</summary>
    public long Size { get; }

    public void WriteTo(IBufferWriter<byte> output)
    {
        // Only read: the mutable view is the one ONNX Runtime's API offers over any element type's bytes.
        output.Write(_encodedStrings is null ? _tensor.GetTensorMutableRawData() : _encodedStrings);
    }

    private static byte[] EncodeStrings(OrtValue tensor)
    {
        var strings = tensor.GetStringTensorAsArray();
        var bytes = new byte[strings.Sum(text => 4L + Encoding.UTF8.GetByteCount(text))];
        var rest = bytes.AsSpan();
        foreach (var text in strings)
        {
            var length = Encoding.UTF8.GetBytes(text, rest[4..]);
            BinaryPrimitives.WriteUInt32LittleEndian(rest, (uint)length);
            rest = rest[(4 + length)..];
        }

        return bytes;
    }
}
