using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>
/// Errors of the <c>/v2</c> routes, as Open Inference Protocol clients read them: the protocol's <c>"error"</c> field,
/// in a body whose Content-Type is exactly <c>application/json</c>. KServe's client reads the message only when the
/// type equals that string (<c>application/problem+json</c> or a charset suffix lose it); Triton's reads
/// <c>"error"</c> whatever the type. The ProblemDetails fields stay beside it for everyone else. Registered before
/// the framework's writer, which keeps writing every other route's ProblemDetails.
/// </summary>
internal sealed class OpenInferenceErrorWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments("/v2");

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value); // bodiless framework errors (unknown route) have none
        options.Value.CustomizeProblemDetails?.Invoke(context);

        response.ContentType = "application/json"; // exactly: KServe's client compares the whole header, so no charset
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", problem.Detail ?? problem.Title);
        WriteIfSet(writer, "type", problem.Type);
        WriteIfSet(writer, "title", problem.Title);
        writer.WriteNumber("status", problem.Status.Value);
        WriteIfSet(writer, "detail", problem.Detail);
        WriteIfSet(writer, "instance", problem.Instance);
        foreach (var (name, value) in problem.Extensions)
        {
            // Our extensions are strings (requestId); anything else is written as its text rather than by reflection.
            WriteIfSet(writer, name, value switch { null => null, string text => text, _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) });
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.HttpContext.RequestAborted);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
