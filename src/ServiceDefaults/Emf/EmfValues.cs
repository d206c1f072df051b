namespace MultiModel.ServiceDefaults.Emf;

/// <summary>One metric's measurements in one group since the last documents were written.</summary>
internal sealed class EmfValues
{
    // A list searched linearly: an invocation's distribution has a handful of values, and the writer pages through it.
    private List<KeyValuePair<double, long>>? _distribution;

    public EmfValues(EmfMetric metric) => Metric = metric;

    public EmfMetric Metric { get; }

    /// <summary>The sum, the count or the last value, for every statistic but a distribution.</summary>
    public double Value { get; private set; }

    /// <summary>Distinct values and how often each was measured, in the order first seen.</summary>
    public IReadOnlyList<KeyValuePair<double, long>> Distribution => _distribution ?? [];

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
                var at = _distribution.FindIndex(entry => entry.Key == value);
                if (at < 0)
                {
                    _distribution.Add(new(value, 1));
                }
                else
                {
                    _distribution[at] = new(value, _distribution[at].Value + 1);
                }

                break;
        }
    }
}
