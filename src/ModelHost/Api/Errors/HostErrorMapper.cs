using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Errors;

/// <summary>The one place that decides which status code and title a failure gets.</summary>
public static class HostErrorMapper
{
    /// <param name="Expected">A failure the host anticipates: its message is written for clients and it is not logged as an error.</param>
    public readonly record struct ErrorClass(int Status, string Title, bool Expected);

    public static ErrorClass Classify(Exception exception) => exception switch
    {
        PredictionRejectedException rejected => new(rejected.StatusCode, rejected.Title, true),
        InvalidInputException => new(StatusCodes.Status400BadRequest, "Invalid input", true),
        InputRejectedByModelException => new(StatusCodes.Status422UnprocessableEntity, "Input the model cannot run on", true),
        JsonException => new(StatusCodes.Status400BadRequest, "Malformed JSON", true),
        InvalidOperationException { InnerException: DecoderFallbackException } => new(StatusCodes.Status400BadRequest, "Malformed JSON", true),
        BadHttpRequestException badRequest => new(badRequest.StatusCode, "Bad request", true),
        ModelNotFoundException => new(StatusCodes.Status404NotFound, "Model not found", true),
        ModelTooLargeException => new(StatusCodes.Status507InsufficientStorage, "Model too large for this host", true),
        ModelStoreUnavailableException => new(StatusCodes.Status503ServiceUnavailable, "Model store unavailable", true),
        PredictionsBusyException => new(StatusCodes.Status503ServiceUnavailable, "Too many predictions at once", true),
        ModelStoreAccessDeniedException => new(StatusCodes.Status500InternalServerError, "Model store denied access", true),
        ModelLoadFailedException => new(StatusCodes.Status500InternalServerError, "Model failed to load", true),
        _ => new(StatusCodes.Status500InternalServerError, "Internal error", false),
    };

    /// <summary>How long a client should wait before trying again (the Retry-After header); null when retrying will not help.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        ModelStoreUnavailableException unavailable => unavailable.RetryAfter,
        PredictionsBusyException busy => busy.RetryAfter,
        _ => null,
    };

    /// <summary>Messages of anticipated failures are written for clients; anything else may carry internals.</summary>
    public static string Detail(Exception exception) => exception switch
    {
        JsonException json => $"The body is not valid JSON: {json.Message}",
        // System.Text.Json checks UTF-8 only as a string or a property name is read, and says so this way.
        InvalidOperationException { InnerException: DecoderFallbackException } =>
            "The body has a string or a property name that is not valid UTF-8; JSON text must be UTF-8.",
        _ when Classify(exception).Expected => exception.Message,
        _ => "The server failed to process the request; the error is logged.",
    };
}
