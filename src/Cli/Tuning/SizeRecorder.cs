using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MultiModel.ModelHost.Api;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// Sends one size's share of the replay to its host, one request at a time as one Lambda environment receives them,
/// and keeps what each took. A host that dies (killed for passing its memory limit) answers nothing more: the rest of
/// its requests are counted as errors, as they would fail on Lambda until a new environment started.
/// </summary>
internal sealed class SizeRecorder(SizedHost host, HttpClient client)
{
    private readonly Dictionary<string, ModelTimings> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _errorStatuses = [];
    private readonly List<double> _durations = [];
    private int _requests;
    private int _errors;
    private string? _failure;

    public SizedHost Host => host;

    public async Task SendAsync(WorkloadRequest request, CancellationToken cancellationToken)
    {
        _requests++;
        var timings = Timings(request.ModelId);
        if (_failure is not null)
        {
            timings.Add(0, succeeded: false);
            _errors++;
            return;
        }

        using var content = new ByteArrayContent(request.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await client.PostAsync(new Uri(host.Address, request.Path), content, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken); // the answer read whole, as Lambda returns it
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException) when (host.HasExited)
        {
            status = 0;
            _failure = $"the host exited with {host.ExitCode} during the replay{(host.OomKills > 0 ? ", killed for passing its memory limit" : "")}";
        }

        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var succeeded = status is >= 200 and < 300;
        timings.Add(milliseconds, succeeded);
        _durations.Add(milliseconds);
        if (!succeeded)
        {
            _errors++;
            _errorStatuses[status] = _errorStatuses.GetValueOrDefault(status) + 1;
        }
    }

    /// <summary>The measurement, with the cache's figures and the peaks read from the host while it still runs.</summary>
    public async Task<SizeMeasurement> FinishAsync(CancellationToken cancellationToken)
    {
        var cache = host.HasExited ? null : await CacheAsync(cancellationToken);
        var oomKilled = host.OomKills > 0;
        return new SizeMeasurement(
            host.Size, host.Init.TotalMilliseconds, _models, _durations, _requests, _errorStatuses, _errors,
            oomKilled, _failure, cache, host.PeakResidentBytes(), host.CgroupPeakBytes, host.ThrottledPeriods);
    }

    /// <summary>A size whose host never became ready: every request an error.</summary>
    public static SizeMeasurement NotStarted(FunctionSize size, string why, int requests, bool oomKilled) => new(
        size, null, new Dictionary<string, ModelTimings>(), [], requests, new Dictionary<int, int>(), requests, oomKilled, why, null, null, null, 0);

    private ModelTimings Timings(string modelId)
    {
        if (!_models.TryGetValue(modelId, out var timings))
        {
            _models[modelId] = timings = new ModelTimings();
        }

        return timings;
    }

    private async Task<CacheFigures> CacheAsync(CancellationToken cancellationToken)
    {
        var cache = await client.GetFromJsonAsync<CacheDescription>(new Uri(host.Address, "/models"), cancellationToken)
            ?? throw new TuningException($"The host of {host.Size.MemoryMb} MB answered GET /models with nothing; its log: {host.LogPath}");
        return new CacheFigures(cache.BudgetBytes, cache.Hits, cache.Misses, cache.Loads, cache.Evictions, _models.Values.Count(model => model.ColdMs is not null));
    }
}
