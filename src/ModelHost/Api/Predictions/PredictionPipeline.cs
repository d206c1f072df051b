using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api.Errors;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// One prediction, from the request to its recorded outcome, for every route family: each passes its wire format
/// (<see cref="IPredictionFormat"/>), as KServe's one DataPlane serves every protocol. The steps run in order, labelled
/// as YARP labels HttpForwarder's. Their order is what keeps memory bounded: a slot before the body (a request queued
/// for one holds neither its body nor its model), the body checked before the model (a malformed one is refused
/// without loading a cold model), and the outputs written straight from ONNX Runtime's buffers. A stored answer
/// (<see cref="ResponseCaching"/>) is looked up only once the exact version served and the decoded tensors are known. Whatever the request
/// holds belongs to its <see cref="PredictionScope"/>; its outcome is classified once and recorded once.
/// </summary>
internal sealed class PredictionPipeline(
    ModelCache cache, VersionResolver versions, VersionSelector selector, PredictionSlots slots, PredictionRecorder recorder, ErrorResponses errors,
    ShadowRunner shadows, ResponseCaching responses, IOptions<PredictionLimits> limits, HostingMode hosting)
{
    public async Task ServeAsync(HttpContext context, string id, string? version, IPredictionFormat format)
    {
        using var scope = new PredictionScope(context, format);
        try
        {
            // :: Step 1: check the request: the id and version (400), the body's type (415) and declared size (413)
            CheckRequest(scope, id, version);

            // :: Step 2: choose the version: the pinned one, else by the model's rollout policy, else the highest
            scope.Choice = await selector.ChooseAsync(scope.ModelId, scope.Version, context.Request.Headers, scope.Aborted);
            scope.Version = scope.Model.Version;

            // :: Step 3: take a prediction slot (503 with Retry-After when the queue is full)
            scope.TakeSlot(await slots.AcquireAsync(scope.Aborted));

            // :: Step 4: read and check the body, before the model
            scope.Body = await ParseAsync(scope);

            // :: Step 5: acquire the model, loading it on a miss; an unpinned request whose version cannot serve runs another
            await AcquireServingModelAsync(scope);

            // :: Step 6: bind the body's elements straight into input tensors of the model's types; the body goes back. A request
            // in its model's capture sample begins its record here, while the inputs exist
            scope.Request = format.Bind(scope.Body, scope.Lease!.Model.Signature);
            scope.ReleaseBody();
            SetBatchRows(scope);
            scope.Captured = scope.IsWarmup ? null : recorder.BeginCapture(scope.Model, context.TraceIdentifier, scope.Request.Inputs);

            // :: Step 7: the response cache, for a model it is on: a stored answer of this exact version, ETag, outputs and
            // input tensors is written as it was, and the model is not run; otherwise the answer about to be written is recorded
            if (await responses.TryAnswerAsync(scope))
            {
                await CompleteResponseAsync(context);
            }
            else
            {
                // :: Step 8: run; then free the inputs, unless a shadow runs on them
                RunModel(scope);
                if (scope.Choice.Shadow is null)
                {
                    scope.ReleaseInputs();
                }

                // :: Step 9: write the outputs from ONNX Runtime's buffers; a whole 200 goes into the response cache
                await format.WriteAsync(context.Response, scope.Model, scope.Lease.Model.Labels, scope.Prediction!, scope.Request, scope.Aborted);
                await CompleteResponseAsync(context);
                responses.Store(scope);
            }
        }
        catch (OperationCanceledException) when (scope.Aborted.IsCancellationRequested)
        {
            throw; // the client has gone: nothing was answered, so nothing is recorded
        }
        catch (Exception exception)
        {
            await FailAsync(scope, exception);
            return;
        }

        // :: Step 10: record the outcome once (drift and capture read the outputs, so before the scope gives them back)
        recorder.Record(PredictionOutcome.Answered(scope));

        // :: Step 11: the shadow, on the answer's inputs, after the caller has the answer: on Kestrel in the background,
        // so that the next request on the connection does not wait for it; on Lambda before the invocation ends (the
        // environment may be frozen after), where it adds to the billed duration
        if (scope.Choice.Shadow is { } shadow && !scope.IsWarmup)
        {
            scope.ReleaseSlot(); // it takes its own, only if one is free: a shadow never holds up a caller
            shadows.Start(shadow, scope.TakeAnswered(), inline: hosting.IsLambda);
        }

        scope.Dispose();
        await recorder.FlushCaptureAsync(scope.Captured);
    }

    /// <summary>The failure classified once, answered, and recorded as that answer.</summary>
    private async Task FailAsync(PredictionScope scope, Exception exception)
    {
        scope.Dispose(); // the answer to a failure holds nothing of the request's
        var error = HostErrorMapper.Classify(exception);
        var answered = await errors.TryWriteAsync(scope.Context, exception, error);
        scope.ListedModelId = await ListedModelIdAsync(scope, error.Status);
        recorder.Record(PredictionOutcome.Failed(scope, error.Status));
        if (!answered && scope.Context.Response.HasStarted)
        {
            ExceptionDispatchInfo.Throw(exception); // part of the answer went out: the server must cut the response short
        }
    }

    /// <summary>
    /// The id a failed request that held no model is counted under: its own when the store has listed the model (a
    /// version it does not have, a refused body), so that an id a caller makes up never becomes a metric's label. What
    /// the resolver keeps is asked first; only a 404 of a pinned version, which never lists, asks the store (a kept
    /// answer for a known model).
    /// </summary>
    private async ValueTask<string?> ListedModelIdAsync(PredictionScope scope, int status)
    {
        if (scope.HeldModel is not null || scope.IsWarmup || scope.ModelId.Length == 0)
        {
            return null;
        }

        if (versions.IsListed(scope.ModelId))
        {
            return scope.ModelId;
        }

        if (status != StatusCodes.Status404NotFound || !scope.Pinned)
        {
            return null;
        }

        try
        {
            return (await versions.ListAsync(scope.ModelId, CancellationToken.None)).Count > 0 ? scope.ModelId : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null; // the store cannot say now: counted as unknown
        }
    }

    private void CheckRequest(PredictionScope scope, string id, string? version)
    {
        scope.ModelId = id;
        ModelIds.Validate(id);
        scope.Version = ModelIds.ParseVersion(version);
        scope.Pinned = scope.Version is not null;

        var request = scope.Context.Request;
        var format = scope.Format;
        var options = limits.Value;
        if (!format.AcceptsContentType(request))
        {
            throw new PredictionRejectedException(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"The body must be {format.ExpectedContentType}; got '{request.ContentType ?? "none"}'.");
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            throw new PredictionRejectedException(StatusCodes.Status413PayloadTooLarge, "Body too large",
                $"The body is {request.ContentLength} bytes; at most {options.MaxBodyBytes} bytes are accepted.");
        }

        // Bodies without a length (chunked) are cut off by the server at the same limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes;
        }
    }

    private async Task<ParsedBody> ParseAsync(PredictionScope scope)
    {
        try
        {
            return await scope.Format.ParseAsync(scope.Context.Request, limits.Value, scope.Aborted);
        }
        catch (Exception) when (scope.Pinned)
        {
            // A pinned version is first looked for by its load, which a malformed body never reaches. So that a version
            // that does not exist still answers 404 before its body's 400, this error path asks the version listing
            // (usually cached; never a load).
            await versions.ThrowIfNotListedAsync(scope.Model, scope.Aborted);
            throw;
        }
    }

    /// <summary>
    /// The chosen version, or for an unpinned request whose version failed to load or has gone from the store, what the
    /// selector falls back on (<see cref="VersionSelector.AcquireWithFallbackAsync"/>): a corrupt upload must not take a
    /// model down.
    /// </summary>
    private async Task AcquireServingModelAsync(PredictionScope scope) =>
        scope.Choice = await selector.AcquireWithFallbackAsync(scope.Choice, scope.Context.Request.Headers, async choice =>
        {
            (scope.Choice, scope.Version) = (choice, choice.Model.Version);
            if (scope.Slot is null)
            {
                scope.TakeSlot(await slots.AcquireAsync(scope.Aborted)); // a cold load that failed had given its slot up
            }

            await AcquireModelAsync(scope);
        }, scope.Aborted);

    /// <summary>
    /// A loaded model is taken at once. For a cold one the request gives its slot up while the model loads, when it may
    /// (<see cref="PredictionSlots.TryAwaitLoad"/>), so that a load does not hold up requests for loaded models; it then
    /// queues for a slot again holding its body but not the model (an evicted model is freed only when its last lease
    /// ends, so a queued request must not pin it), and takes the model again after: usually a hit, not counted twice.
    /// </summary>
    private async Task AcquireModelAsync(PredictionScope scope)
    {
        if (cache.TryAcquireLoaded(scope.Model, countHit: !scope.IsWarmup) is { } loaded)
        {
            scope.TakeLease(loaded);
            return;
        }

        using var awaitingLoad = slots.TryAwaitLoad();
        if (awaitingLoad is null)
        {
            scope.TakeLease(await cache.AcquireAsync(scope.Model, scope.Aborted));
            return;
        }

        scope.ReleaseSlot();
        var loading = await cache.AcquireAsync(scope.Model, scope.Aborted);
        loading.Dispose();
        scope.TakeSlot(await slots.AcquireAsync(scope.Aborted));
        scope.TakeLease(await cache.AcquireAgainAsync(loading, scope.Aborted));
    }

    /// <summary>The run, timed whether it succeeds or not: a run the model failed on has its time in the log line too.</summary>
    private static void RunModel(PredictionScope scope)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            scope.Prediction = Predictor.Run(scope.Lease!.Onnx, scope.Request!.Inputs, scope.Request.Outputs);
        }
        finally
        {
            scope.RunTime = Stopwatch.GetElapsedTime(started);
        }
    }

    // Only the Lambda response limit reads it (that middleware exists only on Lambda): elsewhere the shapes are not asked
    // of ONNX Runtime again and the request carries no feature for it.
    private void SetBatchRows(PredictionScope scope)
    {
        if (hosting.IsLambda && scope.Request!.Inputs.Rows is { } rows and <= int.MaxValue)
        {
            scope.Context.Features.Set(new BatchRowsFeature((int)rows));
        }
    }

    // On Kestrel the client then has its last byte (a chunked response ends only here, not when the handler returns), so
    // recording the outcome adds nothing to the request's latency. On Lambda the adapter sends the response only once the
    // pipeline has ended, so this would change nothing; the outcome is recorded before the invocation ends, and a process
    // frozen after the response loses no log line.
    private Task CompleteResponseAsync(HttpContext context) => hosting.IsLambda ? Task.CompletedTask : context.Response.CompleteAsync();
}
