using System.Text.Json;

namespace MultiModel.Tests.Shared;

/// <summary>An EMF document that passed <see cref="EmfSpecification.Parse"/>, read back.</summary>
public sealed record EmfDocument(
    string Line,
    string Namespace,
    long Timestamp,
    IReadOnlyList<IReadOnlyList<string>> DimensionSets,
    IReadOnlyDictionary<string, (string Unit, JsonElement Value)> Metrics,
    IReadOnlyDictionary<string, JsonElement> Members)
{
    public string? Member(string name) => Members.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A count or gauge's value (a number).</summary>
    public double Value(string metric) => Metrics[metric].Value.GetDouble();

    /// <summary>How many samples a metric carries: 1 for a plain number, the sum of a distribution's counts, an array's length.</summary>
    public double Samples(string metric) => Metrics[metric].Value switch
    {
        { ValueKind: JsonValueKind.Number } => 1,
        { ValueKind: JsonValueKind.Object } distribution => distribution.GetProperty("Counts").EnumerateArray().Sum(count => count.GetDouble()),
        var array => array.GetArrayLength(),
    };

    /// <summary>A metric's distinct sample values, whichever of the specification's forms it was written in.</summary>
    public IReadOnlyList<double> Values(string metric) => Metrics[metric].Value switch
    {
        { ValueKind: JsonValueKind.Number } number => [number.GetDouble()],
        { ValueKind: JsonValueKind.Object } distribution => distribution.GetProperty("Values").EnumerateArray().Select(v => v.GetDouble()).ToList(),
        var array => array.EnumerateArray().Select(v => v.GetDouble()).ToList(),
    };

    public bool Has(string metric) => Metrics.ContainsKey(metric);

    /// <summary>The dimension sets written as in the document, e.g. <c>FunctionName|FunctionName,ModelId</c>.</summary>
    public string DimensionSetsText => string.Join('|', DimensionSets.Select(set => string.Join(',', set)));
}
