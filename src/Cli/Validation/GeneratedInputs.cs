using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Inputs made from a signature when no golden samples are given: every variable dimension 1, every fixed one its
/// size, values from a seeded generator (the same inputs on every run and machine): floats in [0, 1), integers 0 to 9,
/// strings from a few short words. Written as requests in the host's format, so they are read as a caller's would be.
/// </summary>
internal static class GeneratedInputs
{
    public const int Count = 32;
    public const int Seed = 20240611;

    private static readonly string[] Words = ["a", "b", "c", "d"];

    public static IReadOnlyList<InputSet> Create(ModelSignature signature, int count = Count, int seed = Seed) =>
        Enumerable.Range(0, count).Select(index => new InputSet($"generated input {index + 1}", Request(signature, new Random(seed + index)), null, InputSet.DefaultTolerance)).ToArray();

    private static byte[] Request(ModelSignature signature, Random random)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("inputs");
            foreach (var input in signature.Inputs)
            {
                writer.WritePropertyName(input.Name);
                WriteTensor(writer, input, random);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteTensor(Utf8JsonWriter writer, TensorSignature input, Random random)
    {
        if (input.Rank == 0)
        {
            WriteValue(writer, input.ElementType, random);
            return;
        }

        var shape = input.Shape.Select(dimension => dimension < 0 ? 1 : dimension).ToArray();
        writer.WriteStartObject();
        writer.WriteStartArray("shape");
        foreach (var dimension in shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        var elements = shape.Aggregate(1L, (product, dimension) => product * dimension);
        for (var index = 0L; index < elements; index++)
        {
            WriteValue(writer, input.ElementType, random);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, TensorElementType type, Random random)
    {
        switch (type)
        {
            case TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16:
                writer.WriteNumberValue(Math.Round(random.NextDouble(), 4)); // short decimals: exact enough in every float width
                break;
            case TensorElementType.Bool:
                writer.WriteBooleanValue(random.Next(2) == 1);
                break;
            case TensorElementType.String:
                writer.WriteStringValue(Words[random.Next(Words.Length)]);
                break;
            default:
                writer.WriteNumberValue(random.Next(10));
                break;
        }
    }
}
