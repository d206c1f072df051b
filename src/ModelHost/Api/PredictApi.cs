using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ModelHost.Api;

/// <summary><c>POST /models/{id}/predict</c> and its version-pinned twin.</summary>
public static class PredictApi
{
    public static IEndpointRouteBuilder MapPredictApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/models").WithTags("Prediction");
        models.MapPost("/{id}/predict", (string id, HttpContext context, [AsParameters] PredictDependencies dependencies) =>
                PredictAsync(id, null, context, dependencies, PredictionFormats.Native))
            .WithName("Predict")
            .WithSummary("Runs the highest version of a model on the given inputs.")
            .DescribePrediction();
        models.MapPost("/{id}/versions/{version}/predict", (string id, string version, HttpContext context, [AsParameters] PredictDependencies dependencies) =>
                PredictAsync(id, version, context, dependencies, PredictionFormats.Native))
            .WithName("PredictVersion")
            .WithSummary("Runs one pinned version of a model on the given inputs.")
            .DescribePrediction();
        return app;
    }

    internal static async Task<IResult> PredictAsync(string id, string? version, HttpContext context, PredictDependencies dependencies, IPredictionFormat format)
    {
        var started = Stopwatch.GetTimestamp();
        int? versionNumber = null;
        ModelRef? heldModel = null; // the model tags of the request's metrics: none until the store has shown the model exists
        try
        {
            ModelIds.Validate(id);
            versionNumber = ModelIds.ParseVersion(version);
            if (RejectRequest(context.Request, format, dependencies.Options.Value) is { } rejection)
            {
                Failed(dependencies, id, versionNumber, heldModel, rejection.StatusCode, started);
                return rejection;
            }

            var model = await dependencies.Versions.ResolveAsync(id, versionNumber, context.RequestAborted);
            versionNumber = model.Version;
            var lease = await dependencies.Cache.AcquireAsync(model, context.RequestAborted);
            heldModel = model;
            RateLimitLease? slot = null;
            try
            {
                if ((slot = dependencies.Slots.TryAcquire()) is null)
                {
                    // Queued requests must not pin their models: an evicted model is freed only when its last lease ends.
                    lease.Dispose();
                    slot = await dependencies.Slots.AcquireAsync(context.RequestAborted);
                    lease = await dependencies.Cache.AcquireAgainAsync(lease, context.RequestAborted);
                }

                // The input tensors are freed as soon as the model has run; what the response echoes stays readable.
                using var request = await format.ReadAsync(context.Request, lease.Model.Signature, dependencies.Options.Value, context.RequestAborted);
                // Only the Lambda response limit reads it (that middleware exists only on Lambda): elsewhere the shapes
                // are not asked of ONNX Runtime again and the request gets no Items dictionary for it.
                if (LambdaEnvironment.IsLambda && request.Inputs.Rows is { } rows and <= int.MaxValue)
                {
                    context.Items[LambdaResponseLimitMiddleware.BatchRowsItem] = (int)rows; // so a 413 can say how many fit
                }

                var prediction = Predictor.Run(lease.Onnx, request.Inputs, request.Outputs);
                var captured = CapturedPrediction.Start(dependencies.Capture, model, context.TraceIdentifier, request.Inputs); // while the inputs exist
                return new PredictionResult(lease, slot, request, prediction, format, dependencies.Log, dependencies.Metrics, started, captured, dependencies.Capture);
            }
            catch
            {
                slot?.Dispose();
                lease.Dispose();
                throw;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Failed(dependencies, id, versionNumber, heldModel, ErrorMapping.Classify(exception).Status, started);
            throw;
        }
    }

    private static void Failed(PredictDependencies dependencies, string id, int? version, ModelRef? heldModel, int status, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        dependencies.Log.Write(id, version, status, "none", 0, 0, elapsed.TotalMilliseconds);
        dependencies.Metrics.Record(heldModel, status, elapsed);
    }

    // The handler streams its own JSON, so the OpenAPI document learns the body shapes from these. Not Accepts<T>():
    // routing would then answer a wrong content type with a bare 415 before the handler could say what was expected.
    internal static RouteHandlerBuilder DescribePrediction(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new JsonRequestBodyMetadata(typeof(PredictionRequestBody)))
        .Produces<PredictionResponseBody>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .ProducesProblem(StatusCodes.Status507InsufficientStorage);

    private static ProblemHttpResult? RejectRequest(HttpRequest request, IPredictionFormat format, RequestOptions options)
    {
        if (!format.AcceptsContentType(request))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: $"The body must be {format.ExpectedContentType}; got '{request.ContentType ?? "none"}'.");
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Body too large",
                detail: $"The body is {request.ContentLength} bytes; at most {options.MaxBodyBytes} bytes are accepted.");
        }

        // Bodies without a length (chunked) are cut off by the server at the same limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes;
        }

        return null;
    }
}
