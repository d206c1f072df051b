using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Infrastructure.Gateway;

/// <summary>
/// The JSON Schemas (draft 4, the draft API Gateway reads) of the two prediction envelopes, kept as files beside this
/// one and embedded in the assembly, so the template carries them exactly as written and tests can validate sample
/// requests against the very text the gateway will use.
/// </summary>
internal static class RequestSchemas
{
    public const string NativePredict = "native-predict-request.schema.json";
    public const string OpenInference = "open-inference-request.schema.json";

    public static JsonObject Load(string name)
    {
        using var stream = typeof(RequestSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"schema {name} is not embedded in the Deploy assembly");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>The schema as the jsii runtime passes it to CloudFormation: dictionaries, arrays, strings, numbers, booleans.</summary>
    public static object ToJsii(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToJsii(p.Value)),
        JsonArray array => array.Select(ToJsii).ToArray(),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value => value.GetValue<double>(),
        _ => throw new InvalidOperationException("a JSON Schema here holds no null"),
    };
}
