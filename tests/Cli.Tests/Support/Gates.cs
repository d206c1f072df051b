using System.Text.Json;

namespace MultiModel.Cli.Tests.Support;

/// <summary>Reads the gates out of a validate, publish or rollout <c>--json</c> document.</summary>
public static class Gates
{
    public static JsonElement Of(JsonElement document, string name)
    {
        var report = document.TryGetProperty("report", out var validate) ? validate : document.GetProperty("validation");
        return report.GetProperty("gates").EnumerateArray().SingleOrDefault(gate => gate.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } gate
            ? gate
            : throw new Xunit.Sdk.XunitException($"No gate '{name}' in {report.GetProperty("gates")}");
    }

    public static bool Passed(JsonElement document, string name) => Of(document, name).GetProperty("passed").GetBoolean();

    public static string[] Names(JsonElement document) =>
        (document.TryGetProperty("report", out var report) ? report : document.GetProperty("validation"))
            .GetProperty("gates").EnumerateArray().Select(gate => gate.GetProperty("name").GetString()!).ToArray();
}
