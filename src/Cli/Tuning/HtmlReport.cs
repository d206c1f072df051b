using System.Globalization;
using System.Net;
using System.Text;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// The report as one self-contained HTML page: charts drawn as inline SVG (<see cref="SvgChart"/>), styles inline,
/// no script and nothing fetched, so it reads the same offline, attached to a ticket or opened from an artifact.
/// </summary>
internal static class HtmlReport
{
    public static string Render(TuneReport report)
    {
        var sizes = report.Sizes.Select(size => $"{size.MemoryMb} MB").ToArray();
        var cost = new SvgChart("Cost per million requests", "USD", sizes)
            .Series("x86_64", report.Sizes.Select(size => (double?)size.CostPerMillionX86).ToArray())
            .Series("arm64", report.Sizes.Select(size => (double?)size.CostPerMillionArm64).ToArray());
        var duration = new SvgChart("Mean warm duration", "ms", sizes)
            .Series("all requests", report.Sizes.Select(size => size.MeanWarmMs).ToArray());
        var models = new SvgChart("p50 latency per model", "ms", sizes);
        foreach (var id in report.Workload.Models)
        {
            models.Series(id, report.Sizes.Select(size => size.Models.FirstOrDefault(model => model.Id == id)?.P50Ms).ToArray());
        }

        var memory = new SvgChart("Memory against the limit", "MB", sizes)
            .Series("peak resident", report.Sizes.Select(size => size.PeakResidentBytes / 1048576.0).ToArray())
            .Series("cgroup peak", report.Sizes.Select(size => size.CgroupPeakBytes / 1048576.0).ToArray())
            .Series("cache budget", report.Sizes.Select(size => size.BudgetBytes / 1048576.0).ToArray())
            .Series("limit", report.Sizes.Select(size => (double?)size.MemoryMb).ToArray());

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>multimodel tune</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}table{border-collapse:collapse;font-size:13px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}tr.bad td{color:#b00}")
            .Append(".charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid #eee}.chart-title{font-size:14px;font-weight:600}.tick{font-size:11px;fill:#444}")
            .Append(".rec{font-size:15px}.warn{color:#a60}</style></head><body>");
        page.Append(Invariant($"<h1>multimodel tune: {report.Sizes.Count} sizes, {report.Workload.Requests} requests each</h1>"));
        page.Append(Invariant($"<p>{E(report.Workload.Source)}; models {E(string.Join(", ", report.Workload.Models))}. Measured {report.MeasuredAt:yyyy-MM-dd HH:mm} UTC in {report.ElapsedSeconds:0.0} s on {report.MachineCores} cores, load average {report.LoadAverage?.ToString("0.00", CultureInfo.InvariantCulture) ?? "unknown"}.</p>"));
        page.Append("<ul class=\"rec\">");
        foreach (var recommendation in report.Recommendations)
        {
            page.Append(Invariant($"<li><b>{E(recommendation.Strategy)}</b>: {(recommendation.MemoryMb is { } mb ? $"{mb} MB" : "none")}, {E(recommendation.Why)}</li>"));
        }

        page.Append("</ul><div class=\"charts\">").Append(cost.Lines()).Append(duration.Lines()).Append(models.Lines()).Append(memory.Bars()).Append("</div>");
        AppendTable(page, report);
        var prices = report.Prices;
        page.Append(Invariant($"<p>Prices: {E(prices.Region)}, {E(prices.TakenOn)}: x86_64 ${prices.X86PerGbSecond} and arm64 ${prices.Arm64PerGbSecond} per GB-second, ${prices.PerMillionRequests} per million requests. "))
            .Append(Invariant($"Durations billed rounded up to 1 ms; cold-start rate {report.ColdStartRate:0.###} (each cold start pays the init and each model's first load); arm64 priced on durations measured on this machine. Strategies rank on {E(report.Architecture)}.</p>"));
        return page.Append("</body></html>").ToString();
    }

    private static void AppendTable(StringBuilder page, TuneReport report)
    {
        page.Append("<table><tr><th>MB</th><th>vCPU (emulated)</th><th>init ms</th><th>mean warm ms</th><th>peak RSS MB</th><th>budget MB</th><th>hit ratio</th><th>evictions</th><th>OOM</th><th>errors</th><th>x86 $/M</th><th>arm64 $/M</th><th>break-even req/day</th></tr>");
        foreach (var size in report.Sizes)
        {
            page.Append(Invariant($"<tr{(size.Viable ? "" : " class=\"bad\"")}><td>{size.MemoryMb}</td><td>{size.Vcpus:0.00} ({size.EmulatedVcpus:0.00}{(size.CpuCapped ? ", capped" : "")})</td>"))
                .Append(Invariant($"<td>{N(size.InitMs, "0")}</td><td>{N(size.MeanWarmMs, "0.0")}</td><td>{N(size.PeakResidentBytes / 1048576.0, "0")}</td><td>{N(size.BudgetBytes / 1048576.0, "0")}</td>"))
                .Append(Invariant($"<td>{N(size.HitRatio, "0.00")}</td><td>{size.Evictions}</td><td>{(size.OomKilled ? "yes" : "no")}</td><td>{size.Errors}</td>"))
                .Append(Invariant($"<td>{N((double?)size.CostPerMillionX86, "0.000")}</td><td>{N((double?)size.CostPerMillionArm64, "0.000")}</td><td>{N(size.BreakEvenRequestsPerDay, "#,0")}</td></tr>"));
        }

        page.Append("</table>");
        foreach (var size in report.Sizes)
        {
            foreach (var warning in size.Warnings)
            {
                page.Append(Invariant($"<p class=\"warn\">{size.MemoryMb} MB: {E(warning)}</p>"));
            }
        }
    }

    private static string N(double? value, string format) => value is { } number ? number.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
