using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiModel.Cli.Advancer;

/// <summary>
/// The advancer's answer to one event: the event as understood, what it did per model, and the error that kept it from
/// doing what the event asked. Lambda returns it as the invocation's result, or (when it did not succeed) in the error
/// that makes the invocation fail, so a rollback that did not happen shows in the function's Errors alarm and is retried.
/// </summary>
/// <param name="Event">ok, or "alarm NAME"; null when the event could not be read.</param>
/// <param name="Error">Why the event was refused as a whole; null when it was taken.</param>
internal sealed record AdvancerResult(string? Event, string? Error, IReadOnlyList<AdvancedModel> Models)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for logs and the console, not HTML
    };

    public bool Succeeded => Error is null && Models.All(model => model.Action != AdvancedModel.ErrorAction);

    public static AdvancerResult Refused(string? @event, string error) => new(@event, error, []);

    public string ToJson() => JsonSerializer.Serialize(new { @event = Event, succeeded = Succeeded, error = Error, models = Models }, JsonOptions);
}
