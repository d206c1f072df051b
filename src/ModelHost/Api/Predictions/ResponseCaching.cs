using System.Globalization;
using MultiModel.ModelHost.Api.Formats.Binary;
using MultiModel.ModelHost.Caching.ResponseCache;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// The response cache's steps of the prediction pipeline: after the inputs are bound (the exact version, its ETag and the
/// decoded tensors known), a stored answer is written as it was, with its <c>Age</c>, and the model is not run; else
/// the answer is recorded as it is written and stored once it was a whole 200. A request in a shadow's sample or in its
/// model's capture sample is not answered from the cache (they need the run's outputs), but its answer is stored.
/// </summary>
internal sealed class ResponseCaching(ResponseCache cache)
{
    /// <summary>True when the request was answered from the cache; otherwise the answer about to be written is recorded.</summary>
    public async ValueTask<bool> TryAnswerAsync(PredictionScope scope)
    {
        var model = scope.Lease!.Model;
        if (scope.IsWarmup || !cache.IsEnabled(model.Ref.Id))
        {
            return false; // a warm-up request leaves no trace, in the response cache either
        }

        scope.ResponseKey = cache.KeyOf(model, Shaping(scope), scope.Request!.Inputs);
        if (scope.Choice.Shadow is not null || scope.Captured is not null)
        {
            scope.ResponseCacheResult = ResponseCacheResult.Bypass;
        }
        else if (cache.TryGet(model, scope.ResponseKey.Value) is { } answer)
        {
            scope.ResponseCacheResult = ResponseCacheResult.Hit;
            await WriteAsync(scope.Context.Response, answer, scope.Aborted);
            return true;
        }
        else
        {
            scope.ResponseCacheResult = ResponseCacheResult.Miss;
        }

        scope.ResponseRecording = ResponseRecording.Start(scope.Context, cache.MaxEntryBytes);
        return false;
    }

    /// <summary>Stores the answer just written, when it was a 200 kept whole.</summary>
    public void Store(PredictionScope scope)
    {
        var response = scope.Context.Response;
        if (scope.ResponseRecording is { Complete: true } recording && scope.ResponseKey is { } key && response.StatusCode == StatusCodes.Status200OK
            && response.ContentType is { } contentType)
        {
            cache.Store(scope.Lease!.Model, key, recording.Body, contentType, response.Headers[InferenceHeader.Name].FirstOrDefault());
        }
    }

    private async Task WriteAsync(HttpResponse response, CachedResponse answer, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        if (answer.InferenceHeaderLength is { } length)
        {
            response.Headers[InferenceHeader.Name] = length;
        }

        response.Headers.Age = cache.AgeSeconds(answer).ToString(CultureInfo.InvariantCulture);
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, cancellationToken);
    }

    /// <summary>
    /// Everything besides the tensors that shapes the answer: the format, the id the Open Inference Protocol echoes, the
    /// outputs asked for (in their order, which the answer follows), and which come back as raw bytes. Each a part of its
    /// own, counts before lists, so that no two different requests give the same parts.
    /// </summary>
    private static List<string?> Shaping(PredictionScope scope)
    {
        var request = scope.Request!;
        List<string?> parts = [scope.Format.GetType().Name, request.RequestId, request.Outputs?.Count.ToString(CultureInfo.InvariantCulture)];
        parts.AddRange(request.Outputs ?? []);
        if (request.BinaryOutputs is { } binary)
        {
            parts.Add(binary.All ? "all binary" : "binary as named");
            parts.Add(binary.PerOutput.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, asBinary) in binary.PerOutput.OrderBy(output => output.Key, StringComparer.Ordinal))
            {
                parts.Add(name);
                parts.Add(asBinary ? "binary" : "json");
            }
        }

        return parts;
    }
}
