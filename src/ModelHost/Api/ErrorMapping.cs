using System.Text.Json;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Api;

/// <summary>The one place that decides which status code and title a failure gets.</summary>
public static class ErrorMapping
{
    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        InvalidInputException => (StatusCodes.Status400BadRequest, "Invalid input"),
        JsonException => (StatusCodes.Status400BadRequest, "Malformed JSON"),
        BadHttpRequestException badRequest => (badRequest.StatusCode, "Bad request"),
        ModelNotFoundException => (StatusCodes.Status404NotFound, "Model not found"),
        ModelTooLargeException => (StatusCodes.Status507InsufficientStorage, "Model too large for this host"),
        ModelStoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Model store unavailable"),
        ModelStoreAccessDeniedException => (StatusCodes.Status500InternalServerError, "Model store denied access"),
        ModelLoadFailedException => (StatusCodes.Status500InternalServerError, "Model failed to load"),
        _ => (StatusCodes.Status500InternalServerError, "Internal error"),
    };

    /// <summary>Messages of our own exceptions are written for clients; anything else may carry internals.</summary>
    public static string Detail(Exception exception, int status) => exception switch
    {
        JsonException json => $"The body is not valid JSON: {json.Message}",
        _ when status < 500 || exception is ModelStoreAccessDeniedException or ModelLoadFailedException or ModelStoreUnavailableException => exception.Message,
        _ => "The server failed to process the request; the error is logged.",
    };
}
