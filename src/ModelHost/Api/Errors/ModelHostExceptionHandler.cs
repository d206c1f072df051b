using Microsoft.AspNetCore.Diagnostics;

namespace MultiModel.ModelHost.Api.Errors;

/// <summary>
/// A failure of any endpoint but the predictions (which classify, record and answer their own, in
/// <see cref="PredictionPipeline"/>) becomes a ProblemDetails response that says what went wrong.
/// </summary>
internal sealed class ModelHostExceptionHandler(ErrorResponses errors) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken) =>
        errors.TryWriteAsync(context, exception, HostErrorMapper.Classify(exception));
}
