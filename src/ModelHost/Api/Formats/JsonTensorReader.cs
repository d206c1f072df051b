using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// The second phase of a JSON tensor, once the model is known: its shape checked against the model's, then its
/// elements read token by token from the body straight into a tensor ONNX Runtime allocated, with no copy between.
/// </summary>
internal static class JsonTensorReader
{
    // The first phase read this JSON under the request's depth limit, which is at most this.
    private static readonly JsonReaderOptions Checked = new() { MaxDepth = 256 };

    public static OrtValue Read(ReadOnlySpan<byte> json, JsonInput input, TensorSignature signature, DimensionBindings dimensions)
    {
        dimensions.Check(signature, input.Shape);
        if (input.NotRectangular is { } problem)
        {
            throw new InvalidInputException(problem);
        }

        var count = JsonTensorShape.ElementCount(input.Shape, signature.Name);
        if (!input.Nested && input.Elements != count)
        {
            throw new InvalidInputException(
                $"Input '{signature.Name}' has {(input.Elements > count ? $"more than {count} data elements ({input.Elements})" : $"{input.Elements} data elements")} " +
                $"but its shape [{string.Join(", ", input.Shape)}] needs {count}.");
        }

        var data = json[input.Data!.Value];
        return signature.ElementType switch
        {
            TensorElementType.Float => Numeric<float>(data, input, signature, JsonTokenReaders.Float),
            TensorElementType.Float16 => Numeric<Float16>(data, input, signature, JsonTokenReaders.Float16),
            TensorElementType.BFloat16 => Numeric<BFloat16>(data, input, signature, JsonTokenReaders.BFloat16),
            TensorElementType.Double => Numeric<double>(data, input, signature, JsonTokenReaders.Double),
            TensorElementType.Int8 => Numeric<sbyte>(data, input, signature, JsonTokenReaders.Int8),
            TensorElementType.Int16 => Numeric<short>(data, input, signature, JsonTokenReaders.Int16),
            TensorElementType.Int32 => Numeric<int>(data, input, signature, JsonTokenReaders.Int32),
            TensorElementType.Int64 => Numeric<long>(data, input, signature, JsonTokenReaders.Int64),
            TensorElementType.UInt8 => Numeric<byte>(data, input, signature, JsonTokenReaders.UInt8),
            TensorElementType.UInt16 => Numeric<ushort>(data, input, signature, JsonTokenReaders.UInt16),
            TensorElementType.UInt32 => Numeric<uint>(data, input, signature, JsonTokenReaders.UInt32),
            TensorElementType.UInt64 => Numeric<ulong>(data, input, signature, JsonTokenReaders.UInt64),
            TensorElementType.Bool => Numeric<bool>(data, input, signature, JsonTokenReaders.Bool),
            TensorElementType.String => Strings(data, input, signature),
            _ => throw new InvalidOperationException($"Signature of '{signature.Name}' has unsupported type {signature.ElementType}."),
        };
    }

    private static OrtValue Numeric<T>(ReadOnlySpan<byte> data, JsonInput input, TensorSignature signature, JsonTokenReaders.Reader<T> convert) where T : unmanaged
    {
        var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, signature.ElementType, input.Shape);
        try
        {
            var elements = tensor.GetTensorMutableDataAsSpan<T>();
            var reader = new Utf8JsonReader(data, Checked);
            var written = 0;
            while (NextElement(ref reader, data, input, signature, written))
            {
                if (!convert(ref reader, out elements[written]))
                {
                    throw NotAnElement(ref reader, data, input, signature, written);
                }

                written++;
            }

            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    private static OrtValue Strings(ReadOnlySpan<byte> data, JsonInput input, TensorSignature signature)
    {
        var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, input.Shape);
        try
        {
            var reader = new Utf8JsonReader(data, Checked);
            var written = 0;
            while (NextElement(ref reader, data, input, signature, written))
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw NotAnElement(ref reader, data, input, signature, written);
                }

                // Escapes aside, the token's bytes are the string's UTF-8 already (the first phase checked them).
                if (reader.ValueIsEscaped)
                {
                    tensor.StringTensorSetElementAt(reader.GetString().AsSpan(), written++);
                }
                else
                {
                    tensor.StringTensorSetElementAt(reader.ValueSpan, written++);
                }
            }

            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves to the next element, past the arrays around it; false at the end. The first phase made sure the elements
    /// are as many as the shape holds and, for a nested array, that its arrays are where the shape puts them; an
    /// array or object where an element belongs is refused here, naming the element.
    /// </summary>
    private static bool NextElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, JsonInput input, TensorSignature signature, int written)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray when !input.Nested || reader.CurrentDepth < input.Shape.Length:
                case JsonTokenType.EndArray:
                    continue;
                case JsonTokenType.StartArray or JsonTokenType.StartObject:
                    throw NotAnElement(ref reader, data, input, signature, written);
                default:
                    return true;
            }
        }

        return false;
    }

    private static InvalidInputException NotAnElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, JsonInput input, TensorSignature signature, long written) => new(
        $"Element {JsonTensorShape.PathOf(signature.Name, written, input.Shape)} is {JsonSyntax.Describe(ref reader, data)}; expected {Expected(signature.ElementType)}.");

    private static string Expected(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16 => $"a {TensorDataType.NameOf(type)} number (or \"NaN\", \"Infinity\", \"-Infinity\")",
        TensorElementType.Bool => "true or false",
        TensorElementType.String => "a string",
        _ => $"an integer in the {TensorDataType.NameOf(type)} range",
    };
}
