using System.Text.Json;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>Our request format: <c>{"inputs": {"name": value, ...}, "outputs"?: ["name", ...]}</c>.</summary>
internal static class NativeRequestReader
{
    public static ParsedRequest Read(JsonElement body, ModelSignature signature)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException(
                $"The body must be a JSON object with an \"inputs\" object, e.g. {{\"inputs\": {{\"{signature.Inputs.FirstOrDefault()?.Name ?? "x"}\": [[1.0, 2.0]]}}}}.");
        }

        IReadOnlyList<string>? outputs = null;
        if (body.TryGetProperty("outputs", out var requested))
        {
            if (requested.ValueKind != JsonValueKind.Array || requested.EnumerateArray().Any(name => name.ValueKind != JsonValueKind.String))
            {
                throw new InvalidInputException("\"outputs\" must be an array of output names.");
            }

            outputs = requested.EnumerateArray().Select(name => name.GetString()!).ToArray();
        }

        return new ParsedRequest(inputs.EnumerateObject().Select(input => new JsonInput(input.Name, input.Value)), outputs);
    }
}
