using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// A workload from a JSON Lines file. Each line is either a request, <c>{"model": "iris", "body": {"inputs": ...},
/// "weight": 3}</c> (<c>version</c> and <c>weight</c> optional; weight 1), or a record written by data capture
/// (<c>{"requestId", "model", "version", "inputs": [{"name", "datatype", "shape", "data"}], ...}</c>), replayed
/// with its inputs to the model's current version, weight 1. Blank lines are skipped.
/// </summary>
internal static class WorkloadFile
{
    public static Workload Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TuningException($"--workload: {path} does not exist; expected a JSON Lines file of requests ({{\"model\": \"iris\", \"body\": {{...}}, \"weight\": 1}}) or data capture records.");
        }

        var requests = new List<WorkloadRequest>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                requests.Add(ReadLine(line, $"{path} line {number}"));
            }
        }

        return requests.Count > 0 ? new Workload(path, requests)
            : throw new TuningException($"--workload: {path} has no requests; expected one JSON object a line.");
    }

    private static WorkloadRequest ReadLine(string line, string where)
    {
        JsonObject record;
        try
        {
            record = JsonNode.Parse(line) as JsonObject ?? throw new TuningException($"{where}: expected a JSON object, found {line[..Math.Min(40, line.Length)]}.");
        }
        catch (JsonException exception)
        {
            throw new TuningException($"{where}: not JSON ({exception.Message}); expected one object a line.", exception);
        }

        var model = record["model"] is JsonValue id && id.TryGetValue<string>(out var text) ? text
            : throw new TuningException($"{where}: no \"model\"; expected the model id as a string, e.g. \"model\": \"iris\".");
        if (!ModelIdRule.IsValid(model))
        {
            throw new TuningException($"{where}: \"{model}\" is not a valid model id; expected {ModelIdRule.Description}.");
        }

        if (record["body"] is JsonObject body)
        {
            return new WorkloadRequest(model, Version(record, where), JsonSerializer.SerializeToUtf8Bytes(body), Weight(record, where));
        }

        if (record["inputs"] is JsonArray inputs)
        {
            return new WorkloadRequest(model, null, CapturedBody(inputs, where), 1);
        }

        throw new TuningException($"{where}: neither \"body\" (a request: {{\"model\", \"body\": {{\"inputs\": ...}}}}) nor \"inputs\" (a data capture record) is there.");
    }

    /// <summary>A capture record's inputs as the host's request: <c>{"inputs": {"x": {"shape": [...], "data": [...]}}}</c>.</summary>
    private static byte[] CapturedBody(JsonArray inputs, string where)
    {
        var named = new JsonObject();
        foreach (var input in inputs.OfType<JsonObject>())
        {
            var name = input["name"]?.GetValue<string>() ?? throw new TuningException($"{where}: a captured input has no \"name\".");
            if (input["data"] is not JsonArray data || input["shape"] is not JsonArray shape)
            {
                throw new TuningException($"{where}: the captured input '{name}' has no data (redacted or hashed when captured), so it cannot be replayed; capture it in full, or give a request line instead.");
            }

            named[name] = new JsonObject { ["shape"] = shape.DeepClone(), ["data"] = data.DeepClone() };
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["inputs"] = named });
    }

    private static int? Version(JsonObject record, string where) => record["version"] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var version) && version > 0 => version,
        var other => throw new TuningException($"{where}: \"version\" is {other.ToJsonString()}; expected a positive whole number, or no version for the one the host picks."),
    };

    private static double Weight(JsonObject record, string where) => record["weight"] switch
    {
        null => 1,
        JsonValue value when value.TryGetValue<double>(out var weight) && weight > 0 && double.IsFinite(weight) => weight,
        var other => throw new TuningException($"{where}: \"weight\" is {other.ToJsonString()}; expected a positive number (how often this request comes, relative to the others)."),
    };
}
