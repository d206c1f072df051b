using System.Text.Json;

namespace MultiModel.Cli.Advancer;

/// <summary>
/// One event the stack sends the advancer (docs/deploy.md, "Rollouts"): <c>{"alarm":"ok"}</c> from the schedule, or
/// <c>{"alarm":"alarm","alarmName":"..."}</c> from a candidate alarm. Anything else is refused whole: an event the
/// contract does not name (a raw CloudWatch event from a misconfigured rule, a typo in a hand-made payload) must not be
/// guessed into a rollback or a step.
/// </summary>
/// <param name="AlarmName">The candidate alarm that fired; null for the schedule's tick.</param>
internal sealed record AdvancerEvent(bool Alarm, string? AlarmName)
{
    private const string Expected = """expected {"alarm":"ok"} or {"alarm":"alarm","alarmName":"<prefix><model>-candidate-errors|-candidate-latency"}""";

    public static AdvancerEvent? TryParse(string json, out string problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            problem = $"The event is not JSON ({exception.Message}); {Expected}.";
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, out problem);
        }
    }

    private static AdvancerEvent? Read(JsonElement root, out string problem)
    {
        problem = "";
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"The event is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object; {Expected}.";
            return null;
        }

        if (root.EnumerateObject().Select(property => property.Name).FirstOrDefault(name => name is not ("alarm" or "alarmName")) is { } unknown)
        {
            problem = $"The event has a property '{unknown}' the advancer does not know; {Expected}.";
            return null;
        }

        var state = root.TryGetProperty("alarm", out var alarm) && alarm.ValueKind == JsonValueKind.String ? alarm.GetString() : null;
        var name = root.TryGetProperty("alarmName", out var alarmName) && alarmName.ValueKind == JsonValueKind.String ? alarmName.GetString() : null;
        switch (state)
        {
            case "ok" when !root.TryGetProperty("alarmName", out _):
                return new AdvancerEvent(false, null);
            case "alarm" when !string.IsNullOrWhiteSpace(name):
                return new AdvancerEvent(true, name);
            default:
                problem = $"The event {root.GetRawText()} is not one the advancer takes; {Expected}.";
                return null;
        }
    }

    public override string ToString() => Alarm ? $"alarm {AlarmName}" : "ok";
}
