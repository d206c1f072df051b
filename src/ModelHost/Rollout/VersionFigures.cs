using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Rollout;

/// <summary>One version's live figures in a rollout, as <c>GET /models/{id}</c> shows them: requests by status, recent median latency, and its shadow runs.</summary>
internal sealed class VersionFigures
{
    private const int LatencySamples = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _statuses = [];
    private readonly LatencyWindow _latency = new(LatencySamples);
    private readonly LatencyWindow _shadowLatency = new(LatencySamples);
    private long _shadowRuns;
    private long _shadowFailures;
    private long _shadowSkipped;
    private double _shadowMaxDifference;
    private long _shadowRows;
    private long _shadowRowsAgreeing;

    public void Answered(int status, double? latencyMs)
    {
        lock (_gate)
        {
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            if (latencyMs is { } ms)
            {
                _latency.Add(ms);
            }
        }
    }

    public void Shadowed(TimeSpan duration, ShadowComparison? comparison)
    {
        lock (_gate)
        {
            if (comparison is not { } compared)
            {
                _shadowFailures++;
                return;
            }

            _shadowRuns++;
            _shadowLatency.Add(duration.TotalMilliseconds);
            _shadowMaxDifference = Math.Max(_shadowMaxDifference, compared.MaxAbsDifference);
            _shadowRows += compared.RowsCompared;
            _shadowRowsAgreeing += compared.RowsAgreeing;
        }
    }

    public void ShadowSkipped() => Interlocked.Increment(ref _shadowSkipped);

    public VersionFiguresView View(int version, string role)
    {
        lock (_gate)
        {
            var shadow = _shadowRuns + _shadowFailures + Interlocked.Read(ref _shadowSkipped) == 0 ? null : new ShadowFiguresView(
                _shadowRuns, _shadowFailures, Interlocked.Read(ref _shadowSkipped), Rounded(_shadowLatency.Median()), _shadowRuns == 0 ? null : _shadowMaxDifference,
                _shadowRows == 0 ? null : Math.Round((double)_shadowRowsAgreeing / _shadowRows, 4));
            return new VersionFiguresView(version, role, _statuses.ToDictionary(pair => pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value),
                Rounded(_latency.Median()), shadow);
        }
    }

    private static double? Rounded(double median) => double.IsNaN(median) ? null : Math.Round(median, 3);
}
