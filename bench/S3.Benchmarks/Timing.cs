using System.Diagnostics;

namespace MultiModel.S3.Benchmarks;

/// <summary>Wall-clock samples of one variant; the median is what ratios compare.</summary>
internal sealed class Timing(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public double Median
    {
        get
        {
            var sorted = _milliseconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public double Min => _milliseconds.Min();

    public double Max => _milliseconds.Max();

    public int Count => _milliseconds.Count;

    /// <summary>Times one run; collects garbage first so one variant's large arrays do not slow the next.</summary>
    public async Task MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        await run();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public string Row(Timing baseline) =>
        $"| {Name} | {Median:0.0} | {Min:0.0} | {Max:0.0} | {Median / baseline.Median:0.00}x |";

    public static string Header => "| variant | median ms | min ms | max ms | ratio to baseline |\n|---|---|---|---|---|";
}
