using MultiModel.ModelHost.Api.Errors;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api;

/// <summary>Loads named models into the cache; used at start-up and by <c>POST /admin/prewarm</c>.</summary>
public sealed partial class Prewarmer(ModelLookup lookup, ILogger<Prewarmer> logger)
{
    public async Task<IReadOnlyList<PrewarmOutcome>> PrewarmAsync(IEnumerable<string> models, CancellationToken cancellationToken)
    {
        // Loads run side by side up to the cache's own concurrency bound.
        var outcomes = await Task.WhenAll(models.Distinct().Select(model => PrewarmOneAsync(model, cancellationToken)));
        return outcomes;
    }

    private async Task<PrewarmOutcome> PrewarmOneAsync(string model, CancellationToken cancellationToken)
    {
        try
        {
            var parts = model.Split('/');
            if (parts.Length > 2)
            {
                throw new InvalidInputException($"'{model}' is not a model; expected an id or id/version.");
            }

            using var lease = await lookup.AcquireAsync(parts[0], parts.ElementAtOrDefault(1), cancellationToken);
            LogPrewarmed(lease.Ref.ToString(), lease.CacheHit);
            return new PrewarmOutcome(model, lease.Ref.Version, StatusCodes.Status200OK, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPrewarmFailed(exception, model);
            return new PrewarmOutcome(model, null, HostErrorMapper.Classify(exception).Status, HostErrorMapper.Detail(exception));
        }
    }

    [LoggerMessage(EventName = "ModelPrewarmed", Level = LogLevel.Information, Message = "Prewarmed {Model} (already cached: {CacheHit})")]
    private partial void LogPrewarmed(string model, bool cacheHit);

    [LoggerMessage(EventName = "ModelPrewarmFailed", Level = LogLevel.Warning, Message = "Prewarming {Model} failed; it will load on first request")]
    private partial void LogPrewarmFailed(Exception exception, string model);
}
