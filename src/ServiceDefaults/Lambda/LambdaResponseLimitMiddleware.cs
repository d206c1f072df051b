using System.Globalization;

namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// On Lambda, answers a response that would pass Lambda's payload limit with a 413 that says so, instead of handing
/// it to the runtime, which Lambda would refuse (the caller gets Function.ResponseSizeTooLarge) and after which the
/// .NET runtime ends the process. The Lambda adapter holds the whole response in a MemoryStream and sends it after
/// the pipeline, so it is measured there, as Lambda will see it (inside the JSON envelope the adapter writes, escaped,
/// or base64 for binary), and replaced before it is sent. (Replacing the response stream instead does not work with
/// adapter 2.1.0: its feature collection keeps handing out the old one.)
/// An endpoint can say how many rows a request had (<see cref="BatchRowsFeature"/>), so the answer says how many fit.
/// </summary>
public sealed partial class LambdaResponseLimitMiddleware(RequestDelegate next, IProblemDetailsService problemDetails, ILogger<LambdaResponseLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Under any other server (a test host, Kestrel with the variable set) the response is held here first.
        var original = context.Response.Body;
        using var buffer = original is MemoryStream ? null : new MemoryStream();
        if (buffer is not null)
        {
            context.Response.Body = buffer;
        }

        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var written = buffer ?? (MemoryStream)original;
        var payloadBytes = LambdaPayload.Bytes(written, context.Response);
        if (payloadBytes <= LambdaEnvironment.MaxResponsePayloadBytes)
        {
            if (buffer is not null)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
            }

            return;
        }

        var rows = context.Features.Get<BatchRowsFeature>() is { Rows: > 0 } batch ? batch.Rows : (int?)null;
        LogTooLarge(context.Request.Path, payloadBytes, rows);
        context.Response.Clear(); // also empties the adapter's stream
        written.SetLength(0);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Response too large for Lambda",
                Detail = Detail(payloadBytes, rows),
            },
        });
    }

    private static string Detail(long payloadBytes, int? rows)
    {
        var limit = LambdaEnvironment.MaxResponsePayloadBytes;
        var what = string.Create(CultureInfo.InvariantCulture,
            $"The response would be {payloadBytes:N0} bytes as Lambda returns it, over the {limit:N0} bytes (6 MB) Lambda returns from a function.");
        if (rows is not { } count)
        {
            return what + " Ask for less at a time.";
        }

        // What each row costs in the response, and how many fit with room for the envelope and the headers.
        var perRow = (double)payloadBytes / count;
        var fit = Math.Max(0, (int)Math.Floor(limit * 0.95 / perRow));
        return what + string.Create(CultureInfo.InvariantCulture,
            $" The request had {count:N0} rows, about {perRow:N0} bytes each in the response: send at most {fit:N0} rows per request.");
    }

    [LoggerMessage(EventName = "ResponseTooLargeForLambda", Level = LogLevel.Warning,
        Message = "The response to {Path} would be {PayloadBytes} bytes, over Lambda's payload limit; answered 413 instead ({Rows} rows)")]
    private partial void LogTooLarge(string path, long payloadBytes, int? rows);
}
