using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace MultiModel.ModelHost.Api;

/// <summary>Every failure becomes a ProblemDetails response that says what went wrong; unexpected ones are logged.</summary>
internal sealed partial class ModelHostExceptionHandler(IProblemDetailsService problemDetails, ILogger<ModelHostExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, expected) = ErrorMapping.Classify(exception);
        if (!expected)
        {
            LogUnexpected(exception, context.Request.Path);
        }

        if (ErrorMapping.RetryAfter(exception) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = ErrorMapping.Detail(exception) },
        });
    }

    [LoggerMessage(EventName = "UnexpectedError", Level = LogLevel.Error, Message = "Unexpected error serving {Path}")]
    private partial void LogUnexpected(Exception exception, string path);
}
