using System.Diagnostics;
using System.Text.Json;
using MultiModel.Cli.Tests.Support;
using Xunit.Abstractions;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary>What a tune reports when a size is too small for the workload, and its page as a browser shows it.</summary>
public sealed class TuneReportTests(TooSmallTune tune, ITestOutputHelper output) : IClassFixture<TooSmallTune>
{
    [SkippableFact]
    public void Tune_SizeTooSmallForTheHotModels_ShowsEvictionsAndPricesTheReloads()
    {
        Skip.If(tune.Unavailable is not null, tune.Unavailable);
        Assert.True(tune.Result!.ExitCode == 0, tune.Result.ToString());
        var (small, large) = (Size(512), Size(1024));

        Assert.True(small.GetProperty("evictions").GetInt64() > 0, small.ToString());
        Assert.True(small.GetProperty("hitRatio").GetDouble() < 0.9, small.ToString());
        Assert.Contains(small.GetProperty("warnings").EnumerateArray(), warning => warning.GetString()!.Contains("cannot hold the workload's hot models", StringComparison.Ordinal));
        Assert.Equal(0, large.GetProperty("evictions").GetInt64());
        Assert.Equal(1.0, large.GetProperty("hitRatio").GetDouble());
        // Every reload is billed: the smaller size costs more per request, not less, and is not the cheapest.
        Assert.True(small.GetProperty("meanWarmMs").GetDouble() > 4 * large.GetProperty("meanWarmMs").GetDouble(), $"512: {small}\n1024: {large}");
        Assert.True(small.GetProperty("costPerMillionArm64").GetDecimal() > large.GetProperty("costPerMillionArm64").GetDecimal());
        Assert.Equal(1024, Recommendation("cost").GetProperty("memoryMb").GetInt32());
        // The terminal table and its warning, as a person reads them.
        Assert.Contains("cannot hold the workload's hot models", tune.Result.Out, StringComparison.Ordinal);
        Assert.Contains("cost: 1024 MB", tune.Result.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Tune_Json_HasTheFiguresPipelinesRead()
    {
        Skip.If(tune.Unavailable is not null, tune.Unavailable);
        foreach (var size in tune.Report.GetProperty("sizes").EnumerateArray())
        {
            foreach (var name in new[] { "memoryMb", "vcpus", "costPerMillionX86", "costPerMillionArm64", "peakResidentBytes", "initMs" })
            {
                Assert.True(size.GetProperty(name).ValueKind == JsonValueKind.Number, $"{name} in {size}");
            }

            Assert.Equal(["alpha", "beta", "gamma"], size.GetProperty("models").EnumerateArray().Select(model => model.GetProperty("id").GetString()));
            Assert.All(size.GetProperty("models").EnumerateArray(), model => Assert.True(model.GetProperty("p50Ms").GetDouble() > 0));
            Assert.True(size.GetProperty("peakResidentBytes").GetInt64() < size.GetProperty("limitBytes").GetInt64());
        }

        var payload = JsonDocument.Parse(File.ReadAllText(Path.Combine(tune.OutFolder, "power-tuning-input.json"))).RootElement;
        Assert.Equal([512, 1024], payload.GetProperty("powerValues").EnumerateArray().Select(value => value.GetInt32()));
        Assert.Equal("/models/alpha/predict", payload.GetProperty("payload")[0].GetProperty("payload").GetProperty("rawPath").GetString());
    }

    [SkippableFact]
    public async Task Tune_HtmlReport_ABrowserDrawsItsCharts()
    {
        Skip.If(tune.Unavailable is not null, tune.Unavailable);
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Skip.If(chromium is null, "Debian's chromium is not installed (tests/infra/prereqs-chromium.sh installs it)");
        var html = Path.Combine(tune.OutFolder, "report.html");
        Assert.DoesNotContain("http", File.ReadAllText(html).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing fetched
        var screenshot = Path.Combine(tune.OutFolder, "report.png");

        using var browser = Process.Start(new ProcessStartInfo(chromium!,
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1000", $"--screenshot={screenshot}", new Uri(html).AbsoluteUri])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await browser.WaitForExitAsync(deadline.Token);

        output.WriteLine($"screenshot of the report: {screenshot}");
        Assert.True(File.Exists(screenshot), await browser.StandardError.ReadToEndAsync());
        var pixels = PngPixels.Read(screenshot);
        // The series' colours, drawn only by the charts: x86_64 and the first model in blue, arm64 and the second in
        // orange (lines and points), the limit's bars in red.
        Assert.True(pixels.Count(0x1f77b4) > 400, $"blue series pixels: {pixels.Count(0x1f77b4)}");
        Assert.True(pixels.Count(0xff7f0e) > 400, $"orange series pixels: {pixels.Count(0xff7f0e)}");
        Assert.True(pixels.Count(0xd62728) > 2000, $"limit bar pixels: {pixels.Count(0xd62728)}");
    }

    private JsonElement Size(int memoryMb) => tune.Report.GetProperty("sizes").EnumerateArray().Single(size => size.GetProperty("memoryMb").GetInt32() == memoryMb);

    private JsonElement Recommendation(string strategy) => tune.Report.GetProperty("recommendations").EnumerateArray().Single(item => item.GetProperty("strategy").GetString() == strategy);
}
