namespace MultiModel.ServiceDefaults.Emf;

/// <summary>What one group (a model, a rule, or the process) measured since the last documents were written.</summary>
internal sealed class EmfGroup
{
    private readonly EmfValues?[] _values;
    private Dictionary<string, List<object>>? _properties;

    public EmfGroup(string? name, int metrics)
    {
        Name = name;
        _values = new EmfValues?[metrics];
    }

    /// <summary>The group's dimension value; null for the process document.</summary>
    public string? Name { get; }

    /// <summary>
    /// Whether anything but a gauge was measured: a group whose only values are gauges read at flush time (a model's
    /// drift) did nothing in this invocation and gets no document.
    /// </summary>
    public bool Active { get; private set; }

    public void CopyValuesTo(List<EmfValues> values)
    {
        foreach (var value in _values)
        {
            if (value is not null)
            {
                values.Add(value);
            }
        }
    }

    /// <summary>Each plain member's distinct values, as measured (a version is an int): turned into text only when written.</summary>
    public Dictionary<string, List<object>>? Properties => _properties;

    public void Add(EmfMetric metric, double measurement, int? status)
    {
        var values = _values[metric.Index] ??= new EmfValues(metric);
        values.Add(measurement, metric.Counts(status));
        Active |= metric.Statistic != EmfStatistic.Last;
    }

    /// <summary>A plain member of the document (the model's version): every distinct value seen, in order.</summary>
    public void AddProperty(string property, object value)
    {
        _properties ??= new(StringComparer.Ordinal);
        if (!_properties.TryGetValue(property, out var values))
        {
            _properties[property] = values = [];
        }

        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }
}
