using System.Buffers;
using System.Text.Json;

namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// Writes a group's values as CloudWatch Embedded Metric Format documents, one JSON object per line, as the
/// specification has them: <c>_aws</c> with <c>Timestamp</c> (epoch milliseconds) and one <c>CloudWatchMetrics</c>
/// directive (<c>Namespace</c>, <c>Dimensions</c>, <c>Metrics</c> of <c>Name</c> and <c>Unit</c>), then a root member
/// for every dimension and metric it names. A distribution is <c>{Values, Counts, Max, Min, Count, Sum}</c>.
/// The specification's limits are kept by writing more documents: at most 100 metrics per directive and 100 values
/// per distribution (the rest of a distribution's values follow in the next document with the same dimensions).
/// </summary>
internal sealed class EmfDocumentWriter(EmfContract contract, EmfOptions options)
{
    public const int MaxMetricsPerDocument = 100;
    public const int MaxValuesPerMetric = 100;

    private readonly JsonEncodedText _namespace = JsonEncodedText.Encode(options.Namespace);
    private readonly JsonEncodedText _functionName = JsonEncodedText.Encode(options.FunctionName);
    private readonly JsonEncodedText _groupDimension = JsonEncodedText.Encode(contract.GroupDimension);

    /// <summary>Writes the group's documents, calling <paramref name="line"/> after each one with the buffer holding it.</summary>
    public void Write(EmfGroup group, long timestamp, ArrayBufferWriter<byte> buffer, Action<ReadOnlyMemory<byte>> line, long refusedMeasurements = 0)
    {
        var values = group.Values.ToList();
        for (var first = 0; first < values.Count; first += MaxMetricsPerDocument)
        {
            var chunk = values.GetRange(first, Math.Min(MaxMetricsPerDocument, values.Count - first));
            var pages = chunk.Max(Pages);
            for (var page = 0; page < pages; page++)
            {
                var onPage = chunk.Where(metric => page < Pages(metric)).ToList();
                buffer.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    WriteDocument(json, group, onPage, page, timestamp, first == 0 && page == 0 ? refusedMeasurements : 0);
                }

                buffer.Write("\n"u8);
                line(buffer.WrittenMemory);
            }
        }
    }

    private static int Pages(EmfValues values) => values.Metric.Statistic == EmfStatistic.Distribution
        ? Math.Max(1, (values.Distribution.Count + MaxValuesPerMetric - 1) / MaxValuesPerMetric)
        : 1;

    private void WriteDocument(Utf8JsonWriter json, EmfGroup group, List<EmfValues> values, int page, long timestamp, long refused)
    {
        json.WriteStartObject();
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", timestamp);
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", _namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        json.WriteStringValue(EmfContract.FunctionNameDimension);
        json.WriteEndArray();
        if (group.Name is not null)
        {
            json.WriteStartArray();
            json.WriteStringValue(EmfContract.FunctionNameDimension);
            json.WriteStringValue(_groupDimension);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var metric in values)
        {
            json.WriteStartObject();
            json.WriteString("Name", metric.Metric.Name);
            json.WriteString("Unit", metric.Metric.Unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteString(EmfContract.FunctionNameDimension, _functionName);
        if (group.Name is not null)
        {
            json.WriteString(_groupDimension, group.Name);
        }

        foreach (var (property, seen) in group.Properties)
        {
            json.WriteString(property, string.Join(',', seen));
        }

        if (refused > 0)
        {
            json.WriteNumber("MeasurementsOverDimensionCap", refused);
        }

        foreach (var metric in values)
        {
            json.WritePropertyName(metric.Metric.Name);
            if (metric.Metric.Statistic == EmfStatistic.Distribution)
            {
                WriteDistribution(json, metric.Distribution.Skip(page * MaxValuesPerMetric).Take(MaxValuesPerMetric).ToList());
            }
            else
            {
                json.WriteNumberValue(metric.Value);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteDistribution(Utf8JsonWriter json, List<KeyValuePair<double, long>> entries)
    {
        json.WriteStartObject();
        json.WriteStartArray("Values");
        foreach (var (value, _) in entries)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteStartArray("Counts");
        foreach (var (_, count) in entries)
        {
            json.WriteNumberValue(count);
        }

        json.WriteEndArray();
        json.WriteNumber("Max", entries.Max(entry => entry.Key));
        json.WriteNumber("Min", entries.Min(entry => entry.Key));
        json.WriteNumber("Count", entries.Sum(entry => entry.Value));
        json.WriteNumber("Sum", entries.Sum(entry => entry.Key * entry.Value));
        json.WriteEndObject();
    }
}
