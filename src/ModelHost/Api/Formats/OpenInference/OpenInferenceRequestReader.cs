using System.Globalization;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats.Binary;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.OpenInference;

/// <summary>
/// The Open Inference Protocol (KServe V2) request: <c>{"id"?, "parameters"?, "inputs": [{"name", "shape", "datatype",
/// "data" | "parameters": {"binary_data_size"}}], "outputs"?: [{"name", "parameters"?: {"binary_data"}}]}</c>, as
/// Triton, KServe and MLServer clients send it, with Triton's binary tensor data extension; read in one pass.
/// </summary>
internal static class OpenInferenceRequestReader
{
    public static ParsedRequest Read(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets)
    {
        JsonSyntax.Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NoInputsArray();
        }

        List<JsonInput>? inputs = null;
        (List<string> Names, Dictionary<string, bool> Binary)? outputs = null;
        Dictionary<string, string> parameters = [];
        string? id = null;
        var keys = JsonSyntax.Keys();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonSyntax.PropertyName(ref reader, keys);
            JsonSyntax.Next(ref reader);
            switch (key)
            {
                case "inputs" when reader.TokenType == JsonTokenType.StartArray:
                    inputs = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        inputs.Add(ReadInput(ref reader, json, inputs.Count, offsets));
                    }

                    break;
                case "inputs":
                    throw NoInputsArray();
                case "outputs":
                    outputs = ReadOutputs(ref reader, json);
                    break;
                case "parameters":
                    parameters = ReadParameters(ref reader, json);
                    break;
                case "id" when reader.TokenType == JsonTokenType.String:
                    id = reader.GetString();
                    break;
                default:
                    JsonSyntax.Skip(ref reader);
                    break;
            }
        }

        var all = parameters.TryGetValue("binary_data_output", out var flag) && Bool(flag, "The request's binary_data_output");
        var binary = all || outputs?.Binary.Count > 0 ? new BinaryOutputs(all, outputs?.Binary ?? []) : null;
        return new ParsedRequest(inputs ?? throw NoInputsArray(), outputs?.Names, id, binary);
    }

    private static JsonInput ReadInput(ref Utf8JsonReader reader, Span<byte> json, int index, ElementOffsets offsets)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidInputException("Every input needs a \"name\" string.");
        }

        string? name = null, datatype = null;
        long[]? shape = null;
        (bool IsArray, int First, long Elements)? data = null;
        Dictionary<string, string> parameters = [];
        var keys = JsonSyntax.Keys();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonSyntax.PropertyName(ref reader, keys);
            JsonSyntax.Next(ref reader);
            switch (key)
            {
                case "name" when reader.TokenType == JsonTokenType.String:
                    name = reader.GetString();
                    break;
                case "datatype" when reader.TokenType == JsonTokenType.String:
                    datatype = reader.GetString();
                    break;
                case "shape":
                    // Clients send the name first; should one not, the message still says which input.
                    shape = JsonTensorShape.ReadExplicit(ref reader, json, name ?? $"inputs[{index}]");
                    break;
                case "data":
                    data = JsonTensorScanner.ScanData(ref reader, json, offsets);
                    break;
                case "parameters":
                    parameters = ReadParameters(ref reader, json);
                    break;
                default:
                    JsonSyntax.Skip(ref reader);
                    break;
            }
        }

        if (name is null)
        {
            throw new InvalidInputException("Every input needs a \"name\" string.");
        }

        if (datatype is null)
        {
            throw new InvalidInputException($"Input '{name}' needs a \"datatype\" such as \"FP32\".");
        }

        RefuseUnsupported(parameters, $"Input '{name}'");
        if (BinaryDataSize(parameters, name, hasData: data is not null) is { } size)
        {
            return shape is null
                ? throw new InvalidInputException($"Input '{name}' has binary data but no \"shape\"; expected e.g. \"shape\": [1, 4].")
                : new JsonInput(name, shape, Datatype: datatype, BinaryDataSize: size);
        }

        return JsonTensorScanner.Explicit(name, shape, data) with { Datatype = datatype };
    }

    private static long? BinaryDataSize(Dictionary<string, string> parameters, string name, bool hasData)
    {
        if (!parameters.TryGetValue("binary_data_size", out var raw))
        {
            return null;
        }

        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
        {
            throw new InvalidInputException(
                $"Input '{name}' has binary_data_size {JsonSyntax.Truncate(raw)}; expected its size in bytes, a non-negative integer.");
        }

        return hasData
            ? throw new InvalidInputException(
                $"Input '{name}' has both \"data\" and a binary_data_size; send its elements one way, in \"data\" or as binary data after the JSON.")
            : bytes;
    }

    private static (List<string> Names, Dictionary<string, bool> Binary) ReadOutputs(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidInputException("\"outputs\" must be an array of {\"name\"} objects.");
        }

        var names = new List<string>();
        var binary = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? name = null;
            Dictionary<string, string> parameters = [];
            var keys = JsonSyntax.Keys();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidInputException("Every requested output needs a \"name\" string.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = JsonSyntax.PropertyName(ref reader, keys);
                JsonSyntax.Next(ref reader);
                if (key == "name" && reader.TokenType == JsonTokenType.String)
                {
                    name = reader.GetString();
                }
                else if (key == "parameters")
                {
                    parameters = ReadParameters(ref reader, json);
                }
                else
                {
                    JsonSyntax.Skip(ref reader);
                }
            }

            names.Add(name ?? throw new InvalidInputException("Every requested output needs a \"name\" string."));
            RefuseUnsupported(parameters, $"Output '{name}'");
            if (parameters.TryGetValue("binary_data", out var flag))
            {
                binary[name] = Bool(flag, $"Output '{name}' has binary_data that");
            }
        }

        return (names, binary);
    }

    /// <summary>A "parameters" object's values as sent (JSON text), for the few this server reads; empty when it is not an object.</summary>
    private static Dictionary<string, string> ReadParameters(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonSyntax.Skip(ref reader);
            return parameters;
        }

        var keys = JsonSyntax.Keys();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonSyntax.PropertyName(ref reader, keys);
            JsonSyntax.Next(ref reader);
            parameters[key] = JsonSyntax.WholeRawValue(ref reader, json);
        }

        return parameters;
    }

    // Triton's clients set these for extensions this server does not have; ignoring them would answer something else.
    private static void RefuseUnsupported(Dictionary<string, string> parameters, string what)
    {
        foreach (var parameter in (string[])["classification", "shared_memory_region"])
        {
            if (parameters.ContainsKey(parameter))
            {
                throw new InvalidInputException($"{what} has the parameter {parameter} of a Triton extension this server does not support; leave it out.");
            }
        }
    }

    private static bool Bool(string raw, string what) => raw switch
    {
        "true" => true,
        "false" => false,
        _ => throw new InvalidInputException($"{what} is {JsonSyntax.Truncate(raw)}; expected true or false."),
    };

    private static InvalidInputException NoInputsArray() =>
        new("The body must be an object with an \"inputs\" array of {\"name\", \"shape\", \"datatype\", \"data\"}.");
}
