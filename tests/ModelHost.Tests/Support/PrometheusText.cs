using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>The samples of a Prometheus text exposition, as a scraper reads them: name, labels and value per line.</summary>
public static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyList<Sample> Parse(string exposition) => exposition
        .Split('\n')
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(ParseLine)
        .ToArray();

    /// <summary>The value of the one sample of that name whose labels include all of <paramref name="labels"/>.</summary>
    public static double Single(this IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        Assert.Single(samples, sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Key) == label.Value)).Value;

    private static Sample ParseLine(string line)
    {
        var match = SampleLine().Match(line);
        Assert.True(match.Success, $"not a Prometheus sample line: {line}");
        var labels = LabelPair().Matches(match.Groups["labels"].Value)
            .ToDictionary(pair => pair.Groups["key"].Value, pair => pair.Groups["value"].Value);
        return new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
