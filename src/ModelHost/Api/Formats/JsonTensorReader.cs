using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// Turns one JSON input into an ONNX Runtime tensor, checking it against the model's signature first. An input is a
/// nested array (shape inferred), a bare value (a scalar), or <c>{"shape": [...], "data": [...]}</c> with row-major data.
/// </summary>
internal static class JsonTensorReader
{
    public static OrtValue Read(JsonElement value, TensorSignature signature, DimensionBindings dimensions)
    {
        var (shape, data, nested) = ShapeAndData(value, signature.Name);
        dimensions.Check(signature, shape);
        var count = JsonTensorShape.ElementCount(shape, signature.Name);
        return signature.ElementType switch
        {
            TensorElementType.Float => Numeric<float>(JsonElementReaders.Float),
            TensorElementType.Float16 => Numeric<Float16>(JsonElementReaders.Float16),
            TensorElementType.BFloat16 => Numeric<BFloat16>(JsonElementReaders.BFloat16),
            TensorElementType.Double => Numeric<double>(JsonElementReaders.Double),
            TensorElementType.Int8 => Numeric<sbyte>(JsonElementReaders.Int8),
            TensorElementType.Int16 => Numeric<short>(JsonElementReaders.Int16),
            TensorElementType.Int32 => Numeric<int>(JsonElementReaders.Int32),
            TensorElementType.Int64 => Numeric<long>(JsonElementReaders.Int64),
            TensorElementType.UInt8 => Numeric<byte>(JsonElementReaders.UInt8),
            TensorElementType.UInt16 => Numeric<ushort>(JsonElementReaders.UInt16),
            TensorElementType.UInt32 => Numeric<uint>(JsonElementReaders.UInt32),
            TensorElementType.UInt64 => Numeric<ulong>(JsonElementReaders.UInt64),
            TensorElementType.Bool => Numeric<bool>(JsonElementReaders.Bool),
            TensorElementType.String => Strings(),
            _ => throw new InvalidOperationException($"Signature of '{signature.Name}' has unsupported type {signature.ElementType}."),
        };

        OrtValue Numeric<T>(JsonElementReaders.Reader<T> reader) where T : unmanaged =>
            OrtValue.CreateTensorValueFromMemory(Flatten(data, nested, shape, count, signature, reader), shape);

        OrtValue Strings()
        {
            var strings = Flatten<string>(data, nested, shape, count, signature, JsonElementReaders.String);
            var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
            for (var index = 0; index < strings.Length; index++)
            {
                tensor.StringTensorSetElementAt(strings[index].AsSpan(), index);
            }

            return tensor;
        }
    }

    private static (long[] Shape, JsonElement Data, bool Nested) ShapeAndData(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return (JsonTensorShape.Infer(value), value, true);
        }

        if (!value.TryGetProperty("shape", out var shapeElement) || !value.TryGetProperty("data", out var data))
        {
            throw new InvalidInputException(
                $"Input '{name}' is an object without \"shape\" and \"data\"; expected a nested array, or {{\"shape\": [...], \"data\": [...]}}.");
        }

        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException($"Input '{name}' has \"data\" that is not an array; expected the elements in row-major order.");
        }

        return (JsonTensorShape.ReadExplicit(shapeElement, name), data, false);
    }

    private static T[] Flatten<T>(JsonElement data, bool nested, long[] shape, long count, TensorSignature signature, JsonElementReaders.Reader<T> reader)
    {
        var buffer = new T[count];
        var written = 0L;
        if (nested)
        {
            FillNested(data, 0);
        }
        else
        {
            FillFlat(data);
        }

        return written == count ? buffer : throw CountMismatch();

        void FillNested(JsonElement element, int axis)
        {
            if (axis == shape.Length)
            {
                Store(element);
                return;
            }

            if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != shape[axis])
            {
                // Elements before this array fill whole sub-arrays, so their count locates it.
                var arraysBefore = written / Math.Max(1, shape[axis..].Aggregate(1L, (product, size) => product * size));
                throw new InvalidInputException(
                    $"Input '{signature.Name}' is not rectangular at {JsonTensorShape.PathOf(signature.Name, arraysBefore, shape[..axis])}: " +
                    $"expected an array of {shape[axis]} elements like the first one, got {Describe(element)}.");
            }

            foreach (var child in element.EnumerateArray())
            {
                FillNested(child, axis + 1);
            }
        }

        // Explicit data is row-major; nesting in it (allowed by the Open Inference Protocol) is only flattened.
        void FillFlat(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                if (written == count)
                {
                    throw CountMismatch(tooMany: true);
                }

                Store(element);
                return;
            }

            foreach (var child in element.EnumerateArray())
            {
                FillFlat(child);
            }
        }

        void Store(JsonElement element)
        {
            if (!reader(element, out var value))
            {
                throw new InvalidInputException(
                    $"Element {JsonTensorShape.PathOf(signature.Name, written, shape)} is {Describe(element)}; expected {Expected(signature.ElementType)}.");
            }

            buffer[written++] = value;
        }

        InvalidInputException CountMismatch(bool tooMany = false) => new(
            $"Input '{signature.Name}' has {(tooMany ? $"more than {count}" : $"{written}")} data elements but its shape [{string.Join(", ", shape)}] needs {count}.");
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => $"an array of {element.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => $"the string {Truncate(element.GetRawText())}",
        JsonValueKind.Null => "null",
        _ => Truncate(element.GetRawText()),
    };

    private static string Expected(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16 => $"a {TensorDataType.NameOf(type)} number (or \"NaN\", \"Infinity\", \"-Infinity\")",
        TensorElementType.Bool => "true or false",
        TensorElementType.String => "a string",
        _ => $"an integer in the {TensorDataType.NameOf(type)} range",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
