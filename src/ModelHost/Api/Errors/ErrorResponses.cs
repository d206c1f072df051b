using MultiModel.ServiceDefaults.Http;

namespace MultiModel.ModelHost.Api.Errors;

/// <summary>
/// Writes a failure, classified once by <see cref="HostErrorMapper"/>, as the ProblemDetails its client reads (under
/// <c>/v2</c> with the protocol's <c>"error"</c> field, by <see cref="OpenInferenceErrorWriter"/>), with Retry-After
/// when retrying will help; logs the unexpected ones, whose details stay in the log.
/// </summary>
internal sealed partial class ErrorResponses(IProblemDetailsService problemDetails, ILogger<ErrorResponses> logger)
{
    public async ValueTask<bool> TryWriteAsync(HttpContext context, Exception exception, HostErrorMapper.ErrorClass error)
    {
        if (!error.Expected)
        {
            LogUnexpected(exception, context.Request.Path);
        }

        if (context.Response.HasStarted)
        {
            return false; // part of the answer is on its way: nothing can replace it; the server ends the response
        }

        if (HostErrorMapper.RetryAfter(exception) is { } retryAfter)
        {
            context.Response.SetRetryAfter(retryAfter);
        }

        context.Response.StatusCode = error.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = error.Status, Title = error.Title, Detail = HostErrorMapper.Detail(exception) },
        });
    }

    [LoggerMessage(EventName = "UnexpectedError", Level = LogLevel.Error, Message = "Unexpected error serving {Path}")]
    private partial void LogUnexpected(Exception exception, string path);
}
