using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MultiModel.ModelHost.Api;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// Sends one size's share of the replay to its host, one request at a time as one Lambda environment receives them,
/// and keeps what each took: the host's own measure where its log has it (<see cref="HostDurations"/>), else the
/// client's. A host that dies (killed for passing its memory limit) answers nothing more: the rest of its requests
/// are counted as errors, as they would fail on Lambda until a new environment started.
/// </summary>
internal sealed class SizeRecorder(SizedHost host, HttpClient client)
{
    private readonly List<Sent> _sent = [];
    private string? _failure;

    public SizedHost Host => host;

    public async Task SendAsync(WorkloadRequest request, CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            _sent.Add(new Sent(request.ModelId, null, null, 0));
            return;
        }

        using var content = new ByteArrayContent(request.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync(new Uri(host.Address, request.Path), content, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken); // the answer read whole, as Lambda returns it
            var id = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
            _sent.Add(new Sent(request.ModelId, id, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode));
        }
        catch (HttpRequestException) when (host.HasExited)
        {
            _failure = $"the host exited with {host.ExitCode} during the replay{(host.OomKills > 0 ? ", killed for passing its memory limit" : "")}";
            _sent.Add(new Sent(request.ModelId, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0));
        }
    }

    /// <summary>The measurement, with the cache's figures and the peaks read from the host while it still runs.</summary>
    public async Task<SizeMeasurement> FinishAsync(CancellationToken cancellationToken)
    {
        var cache = host.HasExited ? null : await CacheAsync(cancellationToken);
        var fromHost = HostDurations.Read(host.LogPath);
        var models = new Dictionary<string, ModelTimings>(StringComparer.Ordinal);
        var durations = new List<double>();
        var errorStatuses = new Dictionary<int, int>();
        foreach (var sent in _sent)
        {
            var milliseconds = sent.RequestId is { } id && fromHost.TryGetValue(id, out var hostMs) ? hostMs : sent.ClientMs;
            var succeeded = sent.Status is >= 200 and < 300;
            if (!models.TryGetValue(sent.ModelId, out var timings))
            {
                models[sent.ModelId] = timings = new ModelTimings();
            }

            timings.Add(milliseconds ?? 0, succeeded);
            if (milliseconds is { } billed)
            {
                durations.Add(billed);
            }

            if (!succeeded)
            {
                errorStatuses[sent.Status] = errorStatuses.GetValueOrDefault(sent.Status) + 1;
            }
        }

        var failure = cache is null ? _failure ?? $"the host exited with {host.ExitCode}" : _failure;
        return new SizeMeasurement(
            host.Size, host.Init.TotalMilliseconds, models, durations, _sent.Count, errorStatuses, errorStatuses.Values.Sum(),
            host.OomKills > 0, failure, cache, host.PeakResidentBytes(), host.CgroupPeakBytes, host.ThrottledPeriods,
            _sent.Count(sent => sent.RequestId is { } id && fromHost.ContainsKey(id)));
    }

    /// <summary>A size whose host never became ready: every request an error.</summary>
    public static SizeMeasurement NotStarted(FunctionSize size, string why, int requests, bool oomKilled) => new(
        size, null, new Dictionary<string, ModelTimings>(), [], requests, new Dictionary<int, int> { [0] = requests }, requests, oomKilled, why, null, null, null, 0, 0);

    private async Task<CacheFigures> CacheAsync(CancellationToken cancellationToken)
    {
        var cache = await client.GetFromJsonAsync<CacheDescription>(new Uri(host.Address, "/models"), cancellationToken)
            ?? throw new TuningException($"The host of {host.Size.MemoryMb} MB answered GET /models with nothing; its log: {host.LogPath}");
        return new CacheFigures(cache.BudgetBytes, cache.Hits, cache.Misses, cache.Loads, cache.Evictions, DistinctModels());
    }

    private int DistinctModels() => _sent.Where(sent => sent.Status is >= 200 and < 300).Select(sent => sent.ModelId).Distinct(StringComparer.Ordinal).Count();

    /// <param name="ClientMs">Null for a request never sent (its host had died).</param>
    /// <param name="Status">0 when no answer came.</param>
    private sealed record Sent(string ModelId, string? RequestId, double? ClientMs, int Status);
}
