using System.Globalization;
using MultiModel.Cli.Tuning;
using Spectre.Console;

namespace MultiModel.Cli.Commands;

/// <summary><c>tune</c> for a person: a progress bar while it runs (at a terminal only), then one row a size and the recommendations.</summary>
internal static class TuneOutput
{
    public static async Task<T> WithProgressAsync<T>(CommandContext context, Func<IProgress<TuneProgress>?, Task<T>> run)
    {
        if (context.Json || !context.Environment.OutIsTerminal)
        {
            return await run(null);
        }

        return await Console(context).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("tune", maxValue: 1);
                return await run(new Progress<TuneProgress>(step =>
                {
                    task.MaxValue = step.Total;
                    task.Value = step.Done;
                    task.Description = Markup.Escape(step.Doing);
                }));
            });
    }

    public static void Write(CommandContext context, TuneReport report, string? outFolder)
    {
        if (context.Json)
        {
            return;
        }

        var console = Console(context);
        var prices = report.Prices;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tune: {report.Workload.Requests} requests a size from {report.Workload.Source}; {report.ElapsedSeconds:0.0} s, load average {report.LoadAverage?.ToString("0.00", CultureInfo.InvariantCulture) ?? "unknown"} on {report.MachineCores} cores"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prices: {prices.Region} ({prices.TakenOn}): x86_64 ${prices.X86PerGbSecond}/GB-s, arm64 ${prices.Arm64PerGbSecond}/GB-s, ${prices.PerMillionRequests} per million requests; cold-start rate {report.ColdStartRate:0.###}"));
        console.Write(Table(report));
        foreach (var size in report.Sizes.Where(size => size.Warnings.Count > 0))
        {
            foreach (var warning in size.Warnings)
            {
                console.MarkupLine($"[yellow]warning[/] {size.MemoryMb} MB: {Markup.Escape(warning)}");
            }
        }

        foreach (var recommendation in report.Recommendations)
        {
            console.MarkupLine($"[bold]{recommendation.Strategy}[/]: {(recommendation.MemoryMb is { } mb ? $"[green]{mb} MB[/]" : "[red]none[/]")}, {Markup.Escape(recommendation.Why)}");
        }

        if (outFolder is not null)
        {
            console.WriteLine($"report: {Path.Combine(outFolder, TuneFiles.Html)} and {TuneFiles.Json}; AWS Lambda Power Tuning input: {TuneFiles.PowerTuningInput}");
        }
    }

    private static Table Table(TuneReport report)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "MB", "vCPU", "init ms", "p50 ms", "mean ms", "peak RSS MB", "hit ratio", "evict", "OOM/err", "x86 $/M", "arm64 $/M" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddColumn("models p50 ms");
        foreach (var size in report.Sizes)
        {
            var p50s = size.Models.Where(model => model.P50Ms is not null).Select(model => model.P50Ms!.Value).ToList();
            table.AddRow(
                Cell(size.MemoryMb.ToString(CultureInfo.InvariantCulture), size.Viable),
                Cell(string.Create(CultureInfo.InvariantCulture, $"{size.EmulatedVcpus:0.00}{(size.CpuCapped ? "*" : "")}"), size.Viable),
                Cell(Number(size.InitMs, "0"), size.Viable),
                Cell(p50s.Count > 0 ? Number(Percentiles.Of(p50s, 50), "0.0") : "-", size.Viable),
                Cell(Number(size.MeanWarmMs, "0.0"), size.Viable),
                Cell(Number(size.PeakResidentBytes / 1048576.0, "0"), size.Viable),
                Cell(size.HitRatio is { } ratio ? ratio.ToString("P0", CultureInfo.InvariantCulture) : "-", size.Viable),
                Cell(size.Evictions?.ToString(CultureInfo.InvariantCulture) ?? "-", size.Viable),
                Cell($"{(size.OomKilled ? "OOM" : "0")}/{size.Errors}", size.Viable),
                Cell(Number((double?)size.CostPerMillionX86, "0.000"), size.Viable),
                Cell(Number((double?)size.CostPerMillionArm64, "0.000"), size.Viable),
                Cell(string.Join(" ", size.Models.Select(model => $"{model.Id} {Number(model.P50Ms, "0.0")}")), size.Viable));
        }

        table.Caption("* CPU capped at this machine's cores; red: killed or failed requests, never recommended");
        return table;
    }

    private static Markup Cell(string text, bool viable) => new(viable ? Markup.Escape(text) : $"[red]{Markup.Escape(text)}[/]");

    private static string Number(double? value, string format) => value is { } number ? number.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>Spectre.Console over the verb's own output, so tests read what a person would see.</summary>
    private static IAnsiConsole Console(CommandContext context)
    {
        var terminal = context.Environment.OutIsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 200; // a file or a pipe has no width; do not wrap the table at 80
        }

        return console;
    }
}
