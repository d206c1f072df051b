using System.Globalization;
using MultiModel.Cli.Tuning;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>
/// The host as Lambda runs it: its own process, inside a memory cgroup of the function's size (passing it is a kill,
/// as on Lambda), with AWS_LAMBDA_FUNCTION_MEMORY_SIZE set so the budget is derived as there.
/// </summary>
public sealed class LambdaSizedHostTests
{
    private const int FunctionMegabytes = 512;
    private const long Megabyte = 1024 * 1024;
    private static readonly long Budget = (FunctionMegabytes - 384) * Megabyte; // the default headroom

    [SkippableFact]
    public async Task Churn_ModelsThreeTimesTheBudget_StaysUnderBasePlusBudgetWithNoKillNoErrorAndRightAnswers()
    {
        var unavailable = MemoryCgroup.Unavailable();
        Skip.If(unavailable is not null, $"A Lambda-sized memory limit cannot be set here: {unavailable}.");
        var root = Directory.CreateTempSubdirectory("modelhost-lambda-sized-").FullName;
        try
        {
            var models = MemoryWorkload.Write(root, Budget, timesBudget: 3);
            using var cgroup = MemoryCgroup.Create("modelhost-test", FunctionMegabytes * Megabyte);
            var settings = new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = FunctionMegabytes.ToString(CultureInfo.InvariantCulture) };
            await using var host = await HostProcess.StartAsync(root, settings, cgroup: cgroup);
            await Task.Delay(500); // start-up settles
            var baseResident = host.Memory().Resident;

            ChurnResult result;
            IReadOnlyList<long> samples;
            await using (var sampler = new ResidentMemorySampler(host))
            {
                result = await ChurnClients.RunAsync(host.Address, models, clients: 16, TimeSpan.FromSeconds(60));
                samples = sampler.Samples;
            }

            Assert.Equal(0, cgroup.OomKills);
            Assert.False(host.HasExited, $"the host exited; its log: {host.LogPath}");
            Assert.True(result.Count(status => status != 200) == 0, $"{result.Requests} requests, failures: {string.Join(" | ", result.Failures)}");
            Assert.Equal(0, result.WrongOutputs);
            Assert.True(result.Requests > 2 * models.Count, $"only {result.Requests} requests in 60 s: the models were hardly cycled");
            var limit = baseResident + (1.1 * Budget);
            var peak = samples.Max();
            Assert.True(
                samples.All(sample => sample <= limit),
                $"peak resident {peak / Megabyte} MB passed base {baseResident / Megabyte} MB + 1.1 x budget {Budget / Megabyte} MB " +
                $"({samples.Count(sample => sample > limit)} of {samples.Count} samples over)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
