using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// The second phase of a JSON tensor, once the model is known: its shape checked against the model's, then each
/// element parsed where the first phase found it, straight into a tensor ONNX Runtime allocated. A number is parsed
/// from its bytes as <see cref="Utf8JsonReader"/> parses it (the first phase has checked its syntax); anything else,
/// and a number that does not fit the type, goes to a reader positioned on it, which converts it or says what it is.
/// A large tensor's numbers are parsed in parts on several cores, as ONNX Runtime then runs the model on them.
/// </summary>
internal static class JsonTensorReader
{
    // Parsing 150,528 float32s (one resnet18 image) takes 4-6 ms on one core here; below about a tenth of that, handing
    // a part to another thread costs more than it saves.
    private const int ElementsPerPart = 16 * 1024;

    public static OrtValue Read(ReadOnlyMemory<byte> json, ElementOffsets offsets, JsonInput input, TensorSignature signature, DimensionBindings dimensions)
    {
        dimensions.Check(signature, input.Shape);
        if (input.NotRectangular is { } problem)
        {
            throw new InvalidInputException(problem);
        }

        var count = JsonTensorShape.ElementCount(input.Shape, signature.Name);
        if (input.Elements != count)
        {
            throw new InvalidInputException(
                $"Input '{signature.Name}' has {(input.Elements > count ? $"more than {count} data elements ({input.Elements})" : $"{input.Elements} data elements")} " +
                $"but its shape [{string.Join(", ", input.Shape)}] needs {count}.");
        }

        var elements = new Elements(json, offsets.Slice(input.FirstElement, (int)count), input, signature);
        return signature.ElementType switch
        {
            TensorElementType.Float => elements.Numeric<float>(JsonTokenReaders.Float, PlainNumbers.Float),
            TensorElementType.Float16 => elements.Numeric<Float16>(JsonTokenReaders.Float16, PlainNumbers.Float16),
            TensorElementType.BFloat16 => elements.Numeric<BFloat16>(JsonTokenReaders.BFloat16, PlainNumbers.BFloat16),
            TensorElementType.Double => elements.Numeric<double>(JsonTokenReaders.Double, PlainNumbers.Double),
            TensorElementType.Int8 => elements.Numeric<sbyte>(JsonTokenReaders.Int8, PlainNumbers.Int8),
            TensorElementType.Int16 => elements.Numeric<short>(JsonTokenReaders.Int16, PlainNumbers.Int16),
            TensorElementType.Int32 => elements.Numeric<int>(JsonTokenReaders.Int32, PlainNumbers.Int32),
            TensorElementType.Int64 => elements.Numeric<long>(JsonTokenReaders.Int64, PlainNumbers.Int64),
            TensorElementType.UInt8 => elements.Numeric<byte>(JsonTokenReaders.UInt8, PlainNumbers.UInt8),
            TensorElementType.UInt16 => elements.Numeric<ushort>(JsonTokenReaders.UInt16, PlainNumbers.UInt16),
            TensorElementType.UInt32 => elements.Numeric<uint>(JsonTokenReaders.UInt32, PlainNumbers.UInt32),
            TensorElementType.UInt64 => elements.Numeric<ulong>(JsonTokenReaders.UInt64, PlainNumbers.UInt64),
            TensorElementType.Bool => elements.Numeric<bool>(JsonTokenReaders.Bool, PlainNumbers.Bool),
            TensorElementType.String => elements.Strings(),
            _ => throw new InvalidOperationException($"Signature of '{signature.Name}' has unsupported type {signature.ElementType}."),
        };
    }

    private readonly struct Elements(ReadOnlyMemory<byte> json, ReadOnlyMemory<int> offsets, JsonInput input, TensorSignature signature)
    {
        public OrtValue Numeric<T>(JsonTokenReaders.Reader<T> convert, PlainNumbers.Parser<T> parse) where T : unmanaged
        {
            var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, signature.ElementType, input.Shape);
            try
            {
                var count = offsets.Length;
                var parts = Math.Clamp(count / ElementsPerPart, 1, Environment.ProcessorCount);
                var failures = new InvalidInputException?[parts];
                var self = this;
                if (parts == 1)
                {
                    failures[0] = Parse(tensor, 0, count, convert, parse);
                }
                else
                {
                    var size = (count + parts - 1) / parts;
                    Parallel.For(0, parts, part =>
                        failures[part] = self.Parse(tensor, part * size, Math.Min(size, count - part * size), convert, parse));
                }

                // The first element that fails, as a single pass would report it.
                return failures.FirstOrDefault(failure => failure is not null) is { } first ? throw first : tensor;
            }
            catch
            {
                tensor.Dispose();
                throw;
            }
        }

        /// <summary>Parses <paramref name="count"/> elements from <paramref name="start"/> into the tensor; the first that fails, or null.</summary>
        private InvalidInputException? Parse<T>(OrtValue tensor, int start, int count, JsonTokenReaders.Reader<T> convert, PlainNumbers.Parser<T> parse)
            where T : unmanaged
        {
            var body = json.Span;
            var starts = offsets.Span.Slice(start, count);
            var values = tensor.GetTensorMutableDataAsSpan<T>().Slice(start, count);
            for (var index = 0; index < values.Length; index++)
            {
                var at = starts[index];
                if (at < 0 || !parse(body[at..], out values[index]))
                {
                    var reader = ReaderAt(at);
                    if (!convert(ref reader, out values[index]))
                    {
                        return NotAnElement(ref reader, start + index, at);
                    }
                }
            }

            return null;
        }

        public OrtValue Strings()
        {
            var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, input.Shape);
            try
            {
                var starts = offsets.Span;
                for (var index = 0; index < starts.Length; index++)
                {
                    var reader = ReaderAt(starts[index]);
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw NotAnElement(ref reader, index, starts[index]);
                    }

                    // Escapes aside, the token's bytes are the string's UTF-8 already (the first phase checked them).
                    if (reader.ValueIsEscaped)
                    {
                        tensor.StringTensorSetElementAt(reader.GetString().AsSpan(), index);
                    }
                    else
                    {
                        tensor.StringTensorSetElementAt(reader.ValueSpan, index);
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

        // A reader on the element alone: what follows it in the body is never read.
        private Utf8JsonReader ReaderAt(int at)
        {
            var reader = new Utf8JsonReader(From(at), new JsonReaderOptions { MaxDepth = 256 });
            reader.Read();
            return reader;
        }

        private ReadOnlySpan<byte> From(int at) => json.Span[(at < 0 ? ~at : at)..];

        private InvalidInputException NotAnElement(ref Utf8JsonReader reader, long index, int at)
        {
            var path = JsonTensorShape.PathOf(signature.Name, index, input.Shape);
            // The first phase checked the number's syntax, so a number a float type refuses is one too large for it:
            // "expected a float32 number" would tell the caller that 1e300 is not a number.
            var largest = reader.TokenType == JsonTokenType.Number ? LargestOf(signature.ElementType) : null;
            var element = JsonSyntax.Describe(ref reader, From(at));
            return new(largest is not null
                ? $"Element {path} is {element}, outside the {TensorDataType.NameOf(signature.ElementType)} range (±{largest})."
                : $"Element {path} is {element}; expected {Expected(signature.ElementType)}.");
        }
    }

    /// <summary>The largest finite value of a float type, as the message shows it; null for other types.</summary>
    private static string? LargestOf(TensorElementType type) => type switch
    {
        TensorElementType.Float => "3.4028235E+38",
        TensorElementType.Double => "1.7976931348623157E+308",
        TensorElementType.Float16 => "65504",
        TensorElementType.BFloat16 => "3.3895314E+38",
        _ => null,
    };

    private static string Expected(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16 => $"a {TensorDataType.NameOf(type)} number (or \"NaN\", \"Infinity\", \"-Infinity\")",
        TensorElementType.Bool => "true or false",
        TensorElementType.String => "a string",
        _ => $"an integer in the {TensorDataType.NameOf(type)} range",
    };
}
