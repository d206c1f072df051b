using System.Text.Json;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Native;

/// <summary>Our request format: <c>{"inputs": {"name": value, ...}, "outputs"?: ["name", ...]}</c>, read in one pass.</summary>
internal static class NativeRequestReader
{
    public static ParsedRequest Read(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets)
    {
        JsonSyntax.Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NoInputsObject();
        }

        List<JsonInput>? inputs = null;
        IReadOnlyList<string>? outputs = null;
        var keys = JsonSyntax.Keys();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonSyntax.PropertyName(ref reader, keys);
            JsonSyntax.Next(ref reader);
            switch (key)
            {
                case "inputs":
                    inputs = ReadInputs(ref reader, json, offsets);
                    break;
                case "outputs":
                    outputs = ReadOutputs(ref reader);
                    break;
                default:
                    JsonSyntax.Skip(ref reader);
                    break;
            }
        }

        return new ParsedRequest(inputs ?? throw NoInputsObject(), outputs);
    }

    private static List<JsonInput> ReadInputs(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NoInputsObject();
        }

        var inputs = new List<JsonInput>();
        var names = JsonSyntax.Keys();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonSyntax.PropertyName(ref reader, names);
            JsonSyntax.Next(ref reader);
            inputs.Add(JsonTensorScanner.Scan(ref reader, json, name, offsets));
        }

        return inputs;
    }

    private static string[] ReadOutputs(ref Utf8JsonReader reader)
    {
        var names = new List<string>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                names.Add(reader.GetString()!);
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return names.ToArray();
            }
        }

        throw new InvalidInputException("\"outputs\" must be an array of output names.");
    }

    private static InvalidInputException NoInputsObject() => new(
        "The body must be a JSON object with an \"inputs\" object, e.g. {\"inputs\": {\"<input name>\": [[1.0, 2.0]]}}.");
}
