using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
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

            // The slot before the body: a request queued for one holds neither its body nor its model. The body is then
            // read and checked before the model is acquired, so a malformed one is refused without loading a cold model.
            RateLimitLease? slot = await dependencies.Slots.AcquireAsync(context.RequestAborted);
            ModelLease? lease = null;
            try
            {
                PredictionRequest request;
                using (var body = await ParseAsync(format, context, dependencies, model, pinned: version is not null))
                {
                    var held = slot;
                    slot = null; // AcquireModelAsync owns it now, and gives back the one the request holds after
                    (lease, slot) = await AcquireModelAsync(model, held, dependencies, context.RequestAborted);
                    heldModel = model;
                    // The input tensors are freed as soon as the model has run; what the response echoes stays readable.
                    request = format.Bind(body, lease.Model.Signature);
                }

                using (request)
                {
                    // Only the Lambda response limit reads it (that middleware exists only on Lambda): elsewhere the shapes
                    // are not asked of ONNX Runtime again and the request gets no Items dictionary for it.
                    if (LambdaEnvironment.IsLambda && request.Inputs.Rows is { } rows and <= int.MaxValue)
                    {
                        context.Items[LambdaResponseLimitMiddleware.BatchRowsItem] = (int)rows; // so a 413 can say how many fit
                    }

                    var prediction = Predictor.Run(lease.Onnx, request.Inputs, request.Outputs);
                    var captured = CapturedPrediction.Start(dependencies.Capture, model, context.TraceIdentifier, request.Inputs); // while the inputs exist
                    return new PredictionResult(
                        lease, slot, request, prediction, format, dependencies.Log, dependencies.Metrics, started, captured, dependencies.Capture);
                }
            }
            catch
            {
                lease?.Dispose();
                slot?.Dispose();
                throw;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Failed(dependencies, id, versionNumber, heldModel, ErrorMapping.Classify(exception).Status, started);
            throw;
        }
    }

    /// <summary>
    /// The model, and the slot the request holds once it has it. A loaded model is taken at once. For a cold one the
    /// request gives its slot up while the model loads, when it may (<see cref="PredictionSlots.TryAwaitLoad"/>), so
    /// that a load does not hold up requests for loaded models, and queues for a slot again after, holding its body
    /// but not the model.
    /// </summary>
    private static async Task<(ModelLease Lease, RateLimitLease Slot)> AcquireModelAsync(
        ModelRef model, RateLimitLease slot, PredictDependencies dependencies, CancellationToken cancellationToken)
    {
        RateLimitLease? awaiting;
        try
        {
            if (dependencies.Cache.TryAcquireLoaded(model) is { } loaded)
            {
                return (loaded, slot);
            }

            awaiting = dependencies.Slots.TryAwaitLoad();
        }
        catch
        {
            slot.Dispose(); // ours since the caller let go of it: nobody else would give it back
            throw;
        }

        using var awaitingLoad = awaiting;
        if (awaiting is null)
        {
            try
            {
                return (await dependencies.Cache.AcquireAsync(model, cancellationToken), slot);
            }
            catch
            {
                slot.Dispose();
                throw;
            }
        }

        slot.Dispose();
        var loading = await dependencies.Cache.AcquireAsync(model, cancellationToken);
        // Queued requests must not pin their models (an evicted model is freed only when its last lease ends), so the
        // lease goes while the request queues for a slot, and is taken again after: usually a hit, not counted twice.
        loading.Dispose();
        var again = await dependencies.Slots.AcquireAsync(cancellationToken);
        try
        {
            return (await dependencies.Cache.AcquireAgainAsync(loading, cancellationToken), again);
        }
        catch
        {
            again.Dispose();
            throw;
        }
    }

    private static async Task<ParsedBody> ParseAsync(IPredictionFormat format, HttpContext context, PredictDependencies dependencies, ModelRef model, bool pinned)
    {
        try
        {
            return await format.ParseAsync(context.Request, dependencies.Options.Value, context.RequestAborted);
        }
        catch (Exception) when (pinned)
        {
            // A pinned version is first looked for by its load, which a malformed body no longer reaches. So that a version
            // that does not exist still answers 404 before its body's 400, this error path asks the version listing
            // (usually cached; never a load).
            await ThrowIfNoSuchVersionAsync(dependencies.Versions, model, context.RequestAborted);
            throw;
        }
    }

    private static async Task ThrowIfNoSuchVersionAsync(VersionResolver versions, ModelRef model, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> listed;
        try
        {
            listed = await versions.ListAsync(model.Id, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return; // the store cannot say now; the body's own error stands
        }

        if (!listed.Contains(model.Version))
        {
            throw new ModelNotFoundException($"Model '{model.Id}' version {model.Version} does not exist.");
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
