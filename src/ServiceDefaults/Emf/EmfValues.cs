namespace MultiModel.ServiceDefaults.Emf;

/// <summary>One metric's measurements in one group since the last documents were written.</summary>
internal sealed class EmfValues
{
    private Dictionary<double, long>? _distribution;

    public EmfValues(EmfMetric metric) => Metric = metric;

    public EmfMetric Metric { get; }

    /// <summary>The sum, the count or the last value, for every statistic but a distribution.</summary>
    public double Value { get; private set; }

    /// <summary>Distinct values and how often each was measured, in the order first seen.</summary>
    public IReadOnlyDictionary<double, long> Distribution => _distribution ?? (IReadOnlyDictionary<double, long>)EmptyDistribution;

    private static readonly Dictionary<double, long> EmptyDistribution = [];

    public void Add(double measurement, bool counts)
    {
        switch (Metric.Statistic)
        {
            case EmfStatistic.Sum:
                Value += counts ? measurement * Metric.Scale : 0;
                break;
            case EmfStatistic.Occurrences:
                Value += counts ? 1 : 0;
                break;
            case EmfStatistic.Last:
                Value = measurement * Metric.Scale;
                break;
            default:
                // Rounded to 3 decimals (a microsecond, for milliseconds) so near-equal durations share an entry:
                // a document holds at most 100 distinct values per metric, and CloudWatch's own resolution is coarser.
                var value = Math.Round(measurement * Metric.Scale, 3);
                _distribution ??= [];
                _distribution[value] = _distribution.GetValueOrDefault(value) + 1;
                break;
        }
    }
}
