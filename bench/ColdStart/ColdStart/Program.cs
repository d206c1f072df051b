using System.Globalization;
using MultiModel.Bench.ColdStart;

// Cold start of an app against an empty minimal-API app in the same run: alternating order so that drift of the
// machine (other work on its cores, page cache) falls on both equally.
ColdStartOptions options;
try
{
    options = ColdStartOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(ColdStartOptions.Usage);
    return 2;
}

// One unmeasured start of each: the first ever start pays for reading the files from disk into the page cache.
await ColdStartProbe.MeasureAsync(options.App, options.Timeout, options.Environment);
await ColdStartProbe.MeasureAsync(options.Baseline, options.Timeout, options.Environment);

var app = new List<double>();
var baseline = new List<double>();
for (var run = 0; run < options.Runs; run++)
{
    var order = run % 2 == 0 ? new[] { options.App, options.Baseline } : [options.Baseline, options.App];
    foreach (var target in order)
    {
        var elapsed = (await ColdStartProbe.MeasureAsync(target, options.Timeout, options.Environment)).TotalMilliseconds;
        (target == options.App ? app : baseline).Add(elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1} {target.Name,-8} {elapsed,8:F1} ms"));
    }
}

var appMedian = Median(app);
var baselineMedian = Median(baseline);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median app {appMedian:F1} ms ({Path.GetFileName(options.App.Dll)} {options.App.Method} {options.App.Path}), " +
    $"baseline {baselineMedian:F1} ms ({Path.GetFileName(options.Baseline.Dll)}), ratio {appMedian / baselineMedian:F2}x over {options.Runs} runs"));
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
