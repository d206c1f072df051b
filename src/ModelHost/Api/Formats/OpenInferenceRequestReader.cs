using System.Text.Json;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// The Open Inference Protocol (KServe V2) request: <c>{"id"?, "parameters"?, "inputs": [{"name", "shape", "datatype",
/// "data" | "parameters": {"binary_data_size"}}], "outputs"?: [{"name", "parameters"?: {"binary_data"}}]}</c>, as
/// Triton, KServe and MLServer clients send it, with Triton's binary tensor data extension.
/// </summary>
internal static class OpenInferenceRequestReader
{
    public static ParsedRequest Read(JsonElement body, ModelSignature signature)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("The body must be an object with an \"inputs\" array of {\"name\", \"shape\", \"datatype\", \"data\"}.");
        }

        var parsed = new List<JsonInput>();
        foreach (var input in inputs.EnumerateArray())
        {
            var name = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                ? nameElement.GetString()!
                : throw new InvalidInputException("Every input needs a \"name\" string.");
            CheckDatatype(input, name, signature);
            RefuseUnsupported(input, $"Input '{name}'");
            parsed.Add(new JsonInput(name, input, BinaryDataSize(input, name)));
        }

        var (outputs, binaryOutputs) = ReadOutputs(body);
        return new ParsedRequest(parsed, outputs, ReadId(body), binaryOutputs);
    }

    private static void CheckDatatype(JsonElement input, string name, ModelSignature signature)
    {
        if (!input.TryGetProperty("datatype", out var datatype) || datatype.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInputException($"Input '{name}' needs a \"datatype\" such as \"FP32\".");
        }

        if (signature.InputsByName.TryGetValue(name, out var expected)
            && datatype.GetString() != OpenInferenceDataType.NameOf(expected.ElementType))
        {
            throw new InvalidInputException(
                $"Input '{name}' has datatype {datatype.GetString()}; the model expects {OpenInferenceDataType.NameOf(expected.ElementType)}.");
        }
    }

    private static long? BinaryDataSize(JsonElement input, string name)
    {
        if (!Parameter(input, "binary_data_size", out var size))
        {
            return null;
        }

        if (!size.TryGetInt64(out var bytes) || bytes < 0)
        {
            throw new InvalidInputException($"Input '{name}' has binary_data_size {size.GetRawText()}; expected its size in bytes, a non-negative integer.");
        }

        return input.TryGetProperty("data", out _)
            ? throw new InvalidInputException(
                $"Input '{name}' has both \"data\" and a binary_data_size; send its elements one way, in \"data\" or as binary data after the JSON.")
            : bytes;
    }

    private static (IReadOnlyList<string>? Names, BinaryOutputs? Binary) ReadOutputs(JsonElement body)
    {
        var all = Parameter(body, "binary_data_output", out var flag) && Bool(flag, "The request's binary_data_output");
        if (!body.TryGetProperty("outputs", out var outputs))
        {
            return (null, all ? new BinaryOutputs(true, new Dictionary<string, bool>()) : null);
        }

        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("\"outputs\" must be an array of {\"name\"} objects.");
        }

        var names = new List<string>();
        var perOutput = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var output in outputs.EnumerateArray())
        {
            var name = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                ? nameElement.GetString()!
                : throw new InvalidInputException("Every requested output needs a \"name\" string.");
            names.Add(name);
            RefuseUnsupported(output, $"Output '{name}'");
            if (Parameter(output, "binary_data", out var binary))
            {
                perOutput[name] = Bool(binary, $"Output '{name}' has binary_data that");
            }
        }

        return (names, all || perOutput.Count > 0 ? new BinaryOutputs(all, perOutput) : null);
    }

    // Triton's clients set these for extensions this server does not have; ignoring them would answer something else.
    private static void RefuseUnsupported(JsonElement tensor, string what)
    {
        foreach (var parameter in (string[])["classification", "shared_memory_region"])
        {
            if (Parameter(tensor, parameter, out _))
            {
                throw new InvalidInputException($"{what} has the parameter {parameter} of a Triton extension this server does not support; leave it out.");
            }
        }
    }

    private static bool Parameter(JsonElement owner, string name, out JsonElement value)
    {
        value = default;
        return owner.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty(name, out value);
    }

    private static bool Bool(JsonElement value, string what) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new InvalidInputException($"{what} is {value.GetRawText()}; expected true or false."),
    };

    private static string? ReadId(JsonElement body) =>
        body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
