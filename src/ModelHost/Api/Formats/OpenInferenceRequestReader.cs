using System.Text.Json;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// The Open Inference Protocol (KServe V2) request: <c>{"id"?, "inputs": [{"name", "shape", "datatype", "data"}],
/// "outputs"?: [{"name"}]}</c>, as Triton, KServe and MLServer clients send it.
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
            if (input.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("binary_data_size", out _))
            {
                throw new InvalidInputException($"Input '{name}' uses the binary tensor extension, which this server does not support; send \"data\" as JSON.");
            }

            parsed.Add(new JsonInput(name, input));
        }

        return new ParsedRequest(parsed, ReadOutputs(body), ReadId(body));
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

    private static IReadOnlyList<string>? ReadOutputs(JsonElement body)
    {
        if (!body.TryGetProperty("outputs", out var outputs))
        {
            return null;
        }

        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("\"outputs\" must be an array of {\"name\"} objects.");
        }

        return outputs.EnumerateArray()
            .Select(output => output.ValueKind == JsonValueKind.Object && output.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()!
                : throw new InvalidInputException("Every requested output needs a \"name\" string."))
            .ToArray();
    }

    private static string? ReadId(JsonElement body) =>
        body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
