using System.Buffers;
using System.Text.Json;

namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// Writes a group's values as CloudWatch Embedded Metric Format documents, one JSON object per line, as the
/// specification has them: <c>_aws</c> with <c>Timestamp</c> (epoch milliseconds) and one <c>CloudWatchMetrics</c>
/// directive (<c>Namespace</c>, <c>Dimensions</c>, <c>Metrics</c> of <c>Name</c> and <c>Unit</c>), then a root member
/// for every dimension and metric it names. A distribution is <c>{Values, Counts, Max, Min, Count, Sum}</c>, or a plain
/// number when it holds one sample (the common case: one request per invocation).
/// The specification's limits are kept by writing more documents: at most 100 metrics per directive and 100 values
/// per distribution (the rest of a distribution's values follow in the next document with the same dimensions).
/// Called under the emitter's flush lock: the one JSON writer and buffer are reused.
/// </summary>
internal sealed class EmfDocumentWriter(EmfContract contract, EmfOptions options)
{
    public const int MaxMetricsPerDocument = 100;
    public const int MaxValuesPerMetric = 100;

    private static readonly JsonEncodedText FunctionNameDimension = JsonEncodedText.Encode(EmfContract.FunctionNameDimension);
    private readonly JsonEncodedText _namespace = JsonEncodedText.Encode(options.Namespace);
    private readonly JsonEncodedText _functionName = JsonEncodedText.Encode(options.FunctionName);
    private readonly JsonEncodedText _groupDimension = JsonEncodedText.Encode(contract.GroupDimension);
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly List<EmfValues> _values = [];
    private Utf8JsonWriter? _json;

    /// <summary>Writes the group's documents, calling <paramref name="line"/> with each one, newline included.</summary>
    public void Write(EmfGroup group, long timestamp, Action<ReadOnlyMemory<byte>> line, long refusedMeasurements = 0)
    {
        _values.Clear();
        group.CopyValuesTo(_values);
        for (var first = 0; first < _values.Count; first += MaxMetricsPerDocument)
        {
            var last = Math.Min(_values.Count, first + MaxMetricsPerDocument);
            var pages = 1;
            for (var i = first; i < last; i++)
            {
                pages = Math.Max(pages, Pages(_values[i]));
            }

            for (var page = 0; page < pages; page++)
            {
                _buffer.ResetWrittenCount();
                if (_json is null)
                {
                    _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true }); // the structure is fixed here
                }
                else
                {
                    _json.Reset(_buffer);
                }

                WriteDocument(_json, group, first, last, page, timestamp, first == 0 && page == 0 ? refusedMeasurements : 0);
                _json.Flush();
                _buffer.Write("\n"u8);
                line(_buffer.WrittenMemory);
            }
        }
    }

    private static string Text(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static int Pages(EmfValues values) => values.Metric.Statistic == EmfStatistic.Distribution
        ? Math.Max(1, (values.Distribution.Count + MaxValuesPerMetric - 1) / MaxValuesPerMetric)
        : 1;

    private void WriteDocument(Utf8JsonWriter json, EmfGroup group, int first, int last, int page, long timestamp, long refused)
    {
        json.WriteStartObject();
        json.WriteStartObject("_aws"u8);
        json.WriteNumber("Timestamp"u8, timestamp);
        json.WriteStartArray("CloudWatchMetrics"u8);
        json.WriteStartObject();
        json.WriteString("Namespace"u8, _namespace);
        json.WriteStartArray("Dimensions"u8);
        json.WriteStartArray();
        json.WriteStringValue(FunctionNameDimension);
        json.WriteEndArray();
        if (group.Name is not null)
        {
            json.WriteStartArray();
            json.WriteStringValue(FunctionNameDimension);
            json.WriteStringValue(_groupDimension);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("Metrics"u8);
        for (var i = first; i < last; i++)
        {
            if (page < Pages(_values[i]))
            {
                json.WriteStartObject();
                json.WriteString("Name"u8, _values[i].Metric.EncodedName);
                json.WriteString("Unit"u8, _values[i].Metric.EncodedUnit);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteString(FunctionNameDimension, _functionName);
        if (group.Name is not null)
        {
            json.WriteString(_groupDimension, group.Name);
        }

        if (group.Properties is { } properties)
        {
            foreach (var (property, seen) in properties)
            {
                json.WriteString(property, seen.Count == 1 ? Text(seen[0]) : string.Join(',', seen.Select(Text)));
            }
        }

        if (refused > 0)
        {
            json.WriteNumber("MeasurementsOverDimensionCap"u8, refused);
        }

        for (var i = first; i < last; i++)
        {
            var values = _values[i];
            if (page >= Pages(values))
            {
                continue;
            }

            json.WritePropertyName(values.Metric.EncodedName);
            if (values.Metric.Statistic == EmfStatistic.Distribution && values.Distribution is [{ Key: var single, Value: 1 }])
            {
                json.WriteNumberValue(single); // one sample: a plain number means the same to CloudWatch, at a sixth of the formatting
            }
            else if (values.Metric.Statistic == EmfStatistic.Distribution)
            {
                WriteDistribution(json, values.Distribution, page * MaxValuesPerMetric);
            }
            else if (values.Value == Math.Floor(values.Value) && Math.Abs(values.Value) < long.MaxValue)
            {
                json.WriteNumberValue((long)values.Value); // counts and byte sizes: integers format far faster than doubles
            }
            else
            {
                json.WriteNumberValue(values.Value);
            }
        }

        json.WriteEndObject();
    }

    /// <param name="skip">Entries written in earlier documents.</param>
    private static void WriteDistribution(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<double, long>> entries, int skip)
    {
        var end = Math.Min(entries.Count, skip + MaxValuesPerMetric);
        var (max, min, count, sum) = (double.MinValue, double.MaxValue, 0L, 0.0);
        json.WriteStartObject();
        json.WriteStartArray("Values"u8);
        for (var i = skip; i < end; i++)
        {
            var (value, times) = entries[i];
            json.WriteNumberValue(value);
            (max, min, count, sum) = (Math.Max(max, value), Math.Min(min, value), count + times, sum + (value * times));
        }

        json.WriteEndArray();
        json.WriteStartArray("Counts"u8);
        for (var i = skip; i < end; i++)
        {
            json.WriteNumberValue(entries[i].Value);
        }

        json.WriteEndArray();
        json.WriteNumber("Max"u8, max);
        json.WriteNumber("Min"u8, min);
        json.WriteNumber("Count"u8, count);
        json.WriteNumber("Sum"u8, sum);
        json.WriteEndObject();
    }
}
