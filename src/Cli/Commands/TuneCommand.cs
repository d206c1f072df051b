using System.CommandLine;
using System.Diagnostics;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Commands;

/// <summary>
/// <c>tune</c>: runs the host's build as Lambda would size it at each memory size, replays a workload, and prices each
/// size (docs/cost.md). Writes nothing but its report, and with <c>--apply</c> the chosen size into the deployment config.
/// </summary>
internal static class TuneCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("tune", "Size a function's memory for its models: run the host under each size's memory and CPU, replay a workload, price each size, recommend one.");
        var options = new TuneOptions(command);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            // Everything the command line says is checked before a host is started.
            var sizes = options.Sizes(parse);
            var choices = options.Choices(parse);
            var hostDll = TuneHostDll.Resolve(parse.GetValue(options.HostDll));
            var outFolder = parse.GetValue(options.Out) is { } folder ? Directory.CreateDirectory(folder).FullName : null;
            var apply = parse.GetValue(options.Apply) ? DeployConfigTarget.Check(parse.GetValue(options.Config)!, parse.GetValue(options.Function)) : null;
            using var repository = context.OpenRepository(store.Read(parse));
            var workload = parse.GetValue(options.Workload) is { } path
                ? WorkloadFile.Read(path)
                : await GeneratedWorkload.CreateAsync(repository.Store, repository.Location, environment.Time, cancellationToken);
            // Without --out the hosts' logs go to a temporary folder, removed at the end unless a warning names one.
            var logFolder = outFolder is null ? Directory.CreateTempSubdirectory("multimodel-tune-").FullName : Directory.CreateDirectory(Path.Combine(outFolder, "logs")).FullName;
            var settings = new TuneSettings(
                hostDll, TuneHostDll.StoreSettings(repository), options.RequestCount(parse), parse.GetValue(options.Seed),
                TimeSpan.FromSeconds(parse.GetValue(options.ReadySeconds)), TimeSpan.FromSeconds(parse.GetValue(options.RequestSeconds)), logFolder);

            var started = Stopwatch.GetTimestamp();
            var measuredAt = context.Now;
            IReadOnlyList<SizeMeasurement> measurements;
            try
            {
                measurements = await TuneOutput.WithProgressAsync(context, progress => new Tuner(settings).RunAsync(workload, sizes, progress, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C or SIGTERM: the tuner has stopped its hosts and removed their cgroups on the way out.
                await environment.Error.WriteLineAsync("tune: interrupted; every host it started is stopped and its cgroups removed.");
                RemoveTemporaryLogs(outFolder, logFolder, keep: false);
                return ExitCodes.Interrupted;
            }
            var report = TuneReportBuilder.Build(measurements, workload, settings, choices, measuredAt, Stopwatch.GetElapsedTime(started));
            if (outFolder is not null)
            {
                TuneFiles.Write(outFolder, report, workload);
            }

            RemoveTemporaryLogs(outFolder, logFolder, keep: report.Sizes.Any(size => size.Warnings.Any(warning => warning.Contains(logFolder, StringComparison.Ordinal))));
            context.Document(report);
            TuneOutput.Write(context, report, outFolder);
            var chosen = report.Recommendations.Single(recommendation => recommendation.Strategy == parse.GetValue(options.Strategy));
            if (apply is not null && chosen.MemoryMb is { } memoryMb)
            {
                var previous = DeployConfigEditor.SetMemory(apply, memoryMb);
                context.Line($"--apply: {apply.Describe()} memoryMb {previous?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(unset)"} -> {memoryMb} ({chosen.Strategy}) in {apply.Path}");
            }

            return chosen.MemoryMb is null ? ExitCodes.GateFailed : ExitCodes.Success;
        });
        return command;
    }

    private static void RemoveTemporaryLogs(string? outFolder, string logFolder, bool keep)
    {
        if (outFolder is null && !keep)
        {
            Directory.Delete(logFolder, recursive: true);
        }
    }
}
