using System.Buffers.Binary;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Api.Formats.OpenInference;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Binary;

/// <summary>
/// Makes an ONNX Runtime tensor of an input sent in Triton's binary tensor data extension: its shape from the JSON,
/// its elements copied straight from the raw bytes (little-endian, row-major; BYTES as a 4-byte little-endian length
/// and the bytes, per element). No number is parsed: the bytes are ONNX Runtime's own layout on little-endian hosts.
/// </summary>
internal static class BinaryTensorReader
{
    public static OrtValue Read(long[] shape, long binaryDataSize, BinaryTensorData data, TensorSignature signature, DimensionBindings dimensions)
    {
        var name = signature.Name;
        dimensions.Check(signature, shape);
        var count = JsonTensorShape.ElementCount(shape, name);
        if (TensorElementSize.Of(signature.ElementType) is not { } elementSize)
        {
            return Strings(data.Take(binaryDataSize, name), count, shape, name);
        }

        if (binaryDataSize != count * elementSize)
        {
            throw new InvalidInputException(
                $"Input '{name}' has binary_data_size {binaryDataSize}, but its shape [{string.Join(", ", shape)}] of " +
                $"{OpenInferenceDataType.NameOf(signature.ElementType)} needs {count} × {elementSize} = {count * elementSize} bytes.");
        }

        var bytes = data.Take(binaryDataSize, name);
        if (signature.ElementType == TensorElementType.Bool && bytes.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
        {
            throw new InvalidInputException($"Element {JsonTensorShape.PathOf(name, bad, shape)} is the byte {bytes[bad]}; a BOOL element is 0 or 1.");
        }

        var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, signature.ElementType, shape);
        bytes.CopyTo(tensor.GetTensorMutableRawData());
        return tensor;
    }

    private static OrtValue Strings(ReadOnlySpan<byte> bytes, long count, long[] shape, string name)
    {
        if (count > bytes.Length / 4)
        {
            // Checked before the tensor is made: ONNX Runtime builds every element's empty string at once, so a shape of
            // 200,000,000 with a few bytes of data would take gigabytes before the first length was read.
            throw new InvalidInputException(
                $"BYTES input '{name}' has shape [{string.Join(", ", shape)}], {count} elements, but its binary data is {bytes.Length} bytes; " +
                "each element needs at least 4 (its little-endian length).");
        }

        var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        try
        {
            for (var index = 0; index < count; index++)
            {
                if (bytes.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) is var length && length > bytes.Length - 4)
                {
                    throw new InvalidInputException(
                        $"The binary data of BYTES input '{name}' ends inside element {JsonTensorShape.PathOf(name, index, shape)}; " +
                        $"each of its {count} elements is a 4-byte little-endian length and that many bytes.");
                }

                tensor.StringTensorSetElementAt(bytes.Slice(4, (int)length), index);
                bytes = bytes[(4 + (int)length)..];
            }

            return bytes.IsEmpty ? tensor : throw new InvalidInputException(
                $"The binary data of BYTES input '{name}' has {bytes.Length} bytes after its {count} elements; binary_data_size must cover exactly its elements.");
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }
}
