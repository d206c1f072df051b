namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// What an app publishes as CloudWatch Embedded Metric Format: which of its meter's instruments become which CloudWatch
/// metrics, and which tag names the group a measurement belongs to (the ModelHost's model, the Router's rule). Every
/// group gets a document of its own with the dimension sets <c>[FunctionName]</c> and <c>[FunctionName, group]</c>;
/// what names no group (or a group past the cap) goes into the process document, dimension set <c>[FunctionName]</c>.
/// Any other tag is left out: dimensions are the only thing that makes CloudWatch series, and these stay bounded.
/// </summary>
public sealed class EmfContract
{
    public const string FunctionNameDimension = "FunctionName";
    public const string StatusCodeTag = "http.response.status_code";

    private readonly Dictionary<string, EmfMetric[]> _instruments = new(StringComparer.Ordinal);
    private readonly List<EmfMetric> _metrics = [];
    private readonly List<(string Tag, string Property)> _properties = [];

    /// <param name="meterName">The app's meter: only its instruments are listened to.</param>
    /// <param name="groupTag">The tag whose value names a measurement's group (e.g. <c>model.id</c>).</param>
    /// <param name="groupDimension">The CloudWatch dimension that carries it (e.g. <c>ModelId</c>).</param>
    public EmfContract(string meterName, string groupTag, string groupDimension)
    {
        MeterName = meterName;
        GroupTag = groupTag;
        GroupDimension = groupDimension;
    }

    public string MeterName { get; }

    public string GroupTag { get; }

    public string GroupDimension { get; }

    public IReadOnlyList<EmfMetric> Metrics => _metrics;

    /// <summary>Tags written on a group's document as plain members, not dimensions (the model's version).</summary>
    public IReadOnlyList<(string Tag, string Property)> Properties => _properties;

    /// <summary>The instrument's measurements become these metrics (one instrument can feed several: a count, its errors, its distribution).</summary>
    public EmfContract Map(string instrument, params EmfMetric[] metrics)
    {
        foreach (var metric in metrics)
        {
            if (_metrics.Exists(known => known.Name == metric.Name))
            {
                throw new ArgumentException($"The EMF metric '{metric.Name}' is mapped twice.", nameof(metrics));
            }

            metric.Index = _metrics.Count;
            _metrics.Add(metric);
        }

        _instruments.Add(instrument, metrics);
        return this;
    }

    public EmfContract Property(string tag, string property)
    {
        _properties.Add((tag, property));
        return this;
    }

    internal EmfMetric[]? MetricsOf(string instrument) => _instruments.GetValueOrDefault(instrument);
}
