using System.Globalization;
using System.Text.Json;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// Each prediction's duration as the host measured it, from its log's <c>Prediction</c> events (<c>TotalMs</c>, from
/// the request's arrival in the prediction pipeline to its answer written), by request id. That is the handler's own
/// time, what Lambda bills, without the client's: on a busy machine the client waiting for a CPU would add its wait.
/// </summary>
internal static class HostDurations
{
    public static IReadOnlyDictionary<string, double> Read(string logPath)
    {
        var durations = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(logPath))
        {
            return durations;
        }

        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("\"Prediction\"", StringComparison.Ordinal) || !line.StartsWith('{'))
            {
                continue; // other events, and any line that is not the JSON console's
            }

            try
            {
                using var entry = JsonDocument.Parse(line);
                var root = entry.RootElement;
                if (root.TryGetProperty("RequestId", out var id) && root.TryGetProperty("TotalMs", out var total) && total.ValueKind == JsonValueKind.Number)
                {
                    durations[id.GetString()!] = total.GetDouble();
                }
            }
            catch (JsonException)
            {
                // a line cut short as the host was killed
            }
        }

        return durations;
    }

    public static string Describe(int fromHost, int all) =>
        string.Create(CultureInfo.InvariantCulture, $"{fromHost} of {all} durations from the host's log, the rest as the client saw them");
}
