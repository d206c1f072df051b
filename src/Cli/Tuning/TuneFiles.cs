using System.Text.Json;

namespace MultiModel.Cli.Tuning;

/// <summary>What <c>tune --out DIR</c> writes: the report for pipelines, the page for people, and Power Tuning's input.</summary>
internal static class TuneFiles
{
    public const string Json = "report.json";
    public const string Html = "report.html";
    public const string PowerTuningInput = "power-tuning-input.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    public static void Write(string folder, TuneReport report, Workload workload)
    {
        File.WriteAllText(Path.Combine(folder, Json), JsonSerializer.Serialize(report, Options));
        File.WriteAllText(Path.Combine(folder, Html), HtmlReport.Render(report));
        File.WriteAllText(Path.Combine(folder, PowerTuningInput), Tuning.PowerTuningInput.Create(report, workload).ToJsonString(Options));
    }
}
