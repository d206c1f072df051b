using System.Collections.Concurrent;
using System.Diagnostics;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Runs a policy's shadow version on an answered prediction's inputs and compares its outputs with the answer's
/// (<see cref="OutputAgreement"/>); the answer is never changed and a failure never reaches the caller. It gives way:
/// it runs only in a prediction slot that is free now with no caller queued for one (so its working memory is bounded
/// with every other prediction's), and only on a shadow model already loaded. A shadow that is not loaded is skipped
/// and its load started in the background, where it counts against the cache budget like any other. Under load,
/// shadows are skipped, and counted as skipped; they never queue callers behind them.
/// </summary>
internal sealed partial class ShadowRunner(ModelCache cache, PredictionSlots slots, RolloutRecorder rollouts, ILogger<ShadowRunner> logger)
{
    private readonly ConcurrentDictionary<ModelRef, byte> _loading = new();
    private readonly ConcurrentDictionary<ModelRef, byte> _warnedFailing = new();

    /// <summary>Takes <paramref name="answered"/> over: it is disposed when the run ends, or at once when the run is skipped.</summary>
    /// <param name="inline">Run before returning (on Lambda), rather than on the thread pool.</param>
    public void Start(ModelRef shadow, AnsweredPrediction answered, bool inline)
    {
        var slot = slots.TryAcquireIdle();
        var lease = slot is null ? null : cache.TryAcquireLoaded(shadow);
        if (lease is null)
        {
            rollouts.ShadowSkipped(shadow);
            if (slot is not null)
            {
                LoadInBackground(shadow);
            }

            slot?.Dispose();
            answered.Dispose();
            return;
        }

        if (inline)
        {
            Run(shadow, answered, lease, slot!);
        }
        else
        {
            _ = Task.Run(() => Run(shadow, answered, lease, slot!));
        }
    }

    private void Run(ModelRef shadow, AnsweredPrediction answered, ModelLease lease, IDisposable slot)
    {
        using (slot)
        using (lease)
        using (answered)
        {
            var started = Stopwatch.GetTimestamp();
            ShadowComparison? comparison = null;
            try
            {
                using var prediction = Predictor.Run(lease.Onnx, answered.Inputs, requestedOutputs: null);
                comparison = OutputAgreement.Compare(answered.Prediction, prediction, answered.Model.Labels?.ScoresOutput);
            }
            catch (Exception exception)
            {
                if (_warnedFailing.TryAdd(shadow, 0))
                {
                    LogShadowFailed(exception, shadow.Id, shadow.Version); // once per version: a broken shadow is counted, not logged per request
                }
            }

            rollouts.Shadowed(shadow, Stopwatch.GetElapsedTime(started), comparison);
        }
    }

    /// <summary>One background load per shadow at a time; a failed one is remembered by the cache, and the next sample asks again after that.</summary>
    private void LoadInBackground(ModelRef shadow)
    {
        if (!_loading.TryAdd(shadow, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                using var loaded = await cache.AcquireAsync(shadow, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogShadowLoadFailed(shadow.Id, shadow.Version, exception.Message);
            }
            finally
            {
                _loading.TryRemove(shadow, out _);
            }
        });
    }

    [LoggerMessage(EventName = "ShadowRunFailed", Level = LogLevel.Warning, Message = "The shadow run of {ModelId} v{Version} failed; the answer was not affected")]
    private partial void LogShadowFailed(Exception exception, string modelId, int version);

    [LoggerMessage(EventName = "ShadowLoadFailed", Level = LogLevel.Warning, Message = "The shadow {ModelId} v{Version} could not be loaded: {Reason}")]
    private partial void LogShadowLoadFailed(string modelId, int version, string reason);
}
