using System.Globalization;

namespace MultiModel.Router.Tests.Support;

/// <summary>Reads the router's /metrics as Prometheus reads it.</summary>
public static class PrometheusText
{
    /// <summary>The value of the one sample line of that name carrying every one of the labels.</summary>
    public static double Sample(string exposition, string name, params (string Key, string Value)[] labels)
    {
        var line = Assert.Single(exposition.Split('\n'), line =>
            line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(label => line.Contains($"{label.Key}=\"{label.Value}\"", StringComparison.Ordinal)));
        return double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
