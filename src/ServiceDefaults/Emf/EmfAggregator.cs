namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// Measurements gathered in process between two flushes, per group. Groups are capped per process
/// (<see cref="EmfOptions.MaxDimensionValues"/>): a value past the cap is counted in the process document, so the
/// number of CloudWatch series stays bounded however many models come and go.
/// </summary>
internal sealed partial class EmfAggregator
{
    private readonly Lock _lock = new();
    private readonly EmfContract _contract;
    private readonly int _maxGroups;
    private readonly ILogger _logger;
    private readonly HashSet<string> _admitted = new(StringComparer.Ordinal);
    private Dictionary<string, EmfGroup> _groups = new(StringComparer.Ordinal);
    private EmfGroup _process;
    private long _refusedMeasurements;

    public EmfAggregator(EmfContract contract, int maxGroups, ILogger logger)
    {
        _contract = contract;
        _maxGroups = maxGroups;
        _logger = logger;
        _process = new EmfGroup(null, contract.Metrics.Count);
    }

    /// <summary>Measurements whose group was past the cap since the process started (written on the process document).</summary>
    public long RefusedMeasurements => Volatile.Read(ref _refusedMeasurements);

    public void Record(EmfMetric[] metrics, double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? group = null;
        int? status = null;
        foreach (var tag in tags)
        {
            if (tag.Key == _contract.GroupTag)
            {
                group = tag.Value as string;
            }
            else if (tag.Key == EmfContract.StatusCodeTag && tag.Value is int code)
            {
                status = code;
            }
        }

        lock (_lock)
        {
            var target = group is null ? _process : GroupOf(group);
            foreach (var metric in metrics)
            {
                if (metric.Statistic == EmfStatistic.Last && group is not null && target.Name is null)
                {
                    continue; // a model's gauge (its drift) past the cap: without the model it says nothing
                }

                (metric.ProcessWide ? _process : target).Add(metric, measurement, status);
            }

            if (target.Name is not null && _contract.Properties.Count > 0)
            {
                AddProperties(target, tags);
            }
        }
    }

    /// <summary>Everything gathered since the last call; the next measurements start afresh.</summary>
    public (EmfGroup Process, IReadOnlyCollection<EmfGroup> Groups) Take()
    {
        lock (_lock)
        {
            var taken = (_process, (IReadOnlyCollection<EmfGroup>)_groups.Values);
            _process = new EmfGroup(null, _contract.Metrics.Count);
            _groups = new(StringComparer.Ordinal);
            return taken;
        }
    }

    private EmfGroup GroupOf(string name)
    {
        if (_groups.TryGetValue(name, out var group))
        {
            return group;
        }

        if (!_admitted.Contains(name))
        {
            if (_admitted.Count >= _maxGroups)
            {
                if (Interlocked.Increment(ref _refusedMeasurements) == 1)
                {
                    LogCapReached(_logger, _maxGroups, _contract.GroupDimension);
                }

                return _process;
            }

            _admitted.Add(name);
        }

        return _groups[name] = new EmfGroup(name, _contract.Metrics.Count);
    }

    private void AddProperties(EmfGroup group, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            foreach (var (name, property) in _contract.Properties)
            {
                if (tag.Key == name && tag.Value is { } value)
                {
                    group.AddProperty(property, value);
                }
            }
        }
    }

    [LoggerMessage(EventId = 1, EventName = "EmfDimensionCapReached", Level = LogLevel.Warning,
        Message = "{MaxDimensionValues} distinct {Dimension} values have had EMF documents of their own in this process; measurements of any " +
            "further one are published with FunctionName only (Metrics:Emf:MaxDimensionValues). Said once per process.")]
    private static partial void LogCapReached(ILogger logger, int maxDimensionValues, string dimension);
}
