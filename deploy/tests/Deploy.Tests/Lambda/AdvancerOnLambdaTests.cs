using System.Text.Json;
using Xunit.Abstractions;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The rollout advancer as the image runs it: multimodel.dll built with the hosting switch, started with the stack's
/// environment (MULTIMODEL_LAMBDA=advance, the alarm prefix, the host's store settings, here a local folder) under a
/// Runtime API stand-in, and sent the two events the stack sends (docs/deploy.md, "Rollouts") and one it never does.
/// Skipped, saying why, where the Lambda feed is not beside the checkout.
/// </summary>
public sealed class AdvancerOnLambdaTests(AdvancerImageBuild build, ITestOutputHelper output) : IClassFixture<AdvancerImageBuild>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _store = Directory.CreateTempSubdirectory("advancer-store-");

    public void Dispose() => _store.Delete(recursive: true);

    [SkippableFact]
    public async Task Invoke_ScheduledTick_StepsTheDueRolloutAndAnswersWhatItDid()
    {
        AddModel("iris", """{"stable":1,"candidate":{"version":2,"percent":10,"startedAt":"2026-01-01T00:00:00Z","steps":[10,50,100],"bakeSeconds":60,"stepStartedAt":"2026-01-01T00:00:00Z"}}""");
        await using var function = await StartAsync();

        var result = await function.RuntimeApi.InvokeAsync("""{"alarm":"ok"}""", Timeout);

        Assert.True(result.Outcome == InvocationOutcome.Response, $"{result.Outcome}: {result.Body}");
        using var answer = JsonDocument.Parse(result.Body);
        var model = Assert.Single(answer.RootElement.GetProperty("models").EnumerateArray());
        Assert.Equal(("iris", "advanced"), (model.GetProperty("modelId").GetString(), model.GetProperty("action").GetString()));
        Assert.Equal(50, Candidate("iris").GetProperty("percent").GetDouble());
        using var log = JsonDocument.Parse(await LogLineAsync(function.Process, "\"ModelId\":\"iris\""));
        Assert.Equal(("ok", "advanced"), (log.RootElement.GetProperty("State").GetProperty("Event").GetString(), log.RootElement.GetProperty("State").GetProperty("Action").GetString()));
    }

    [SkippableFact]
    public async Task Invoke_CandidateAlarm_RollsThatModelBack()
    {
        AddModel("iris", """{"stable":1,"candidate":{"version":2,"percent":10,"startedAt":"2026-01-01T00:00:00Z","steps":[10,50,100],"bakeSeconds":3600}}""");
        await using var function = await StartAsync();

        var result = await function.RuntimeApi.InvokeAsync("""{"alarm":"alarm","alarmName":"MultiModel-iris-candidate-errors"}""", Timeout);

        Assert.True(result.Outcome == InvocationOutcome.Response, $"{result.Outcome}: {result.Body}");
        Assert.Contains("\"rolled-back\"", result.Body, StringComparison.Ordinal);
        using var policy = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_store.FullName, "iris", "rollout.json")));
        Assert.False(policy.RootElement.TryGetProperty("candidate", out var candidate) && candidate.ValueKind != JsonValueKind.Null);
    }

    [SkippableFact]
    public async Task Invoke_MalformedEvent_FailsTheInvocationAndWritesNothing()
    {
        const string Policy = """{"stable":1,"candidate":{"version":2,"percent":10,"startedAt":"2026-01-01T00:00:00Z","steps":[10,50,100],"bakeSeconds":60}}""";
        AddModel("iris", Policy);
        await using var function = await StartAsync();

        var result = await function.RuntimeApi.InvokeAsync("""{"detail":{"alarmName":"MultiModel-iris-candidate-errors"}}""", Timeout);

        Assert.Equal(InvocationOutcome.Error, result.Outcome);
        Assert.Contains("AdvancerFailedException", result.Body, StringComparison.Ordinal);
        Assert.Contains("property 'detail'", result.Body, StringComparison.Ordinal);
        Assert.Equal(Policy, File.ReadAllText(Path.Combine(_store.FullName, "iris", "rollout.json")));
        Assert.False(function.Process.HasExited);
    }

    /// <summary>The console logger writes on a thread of its own: waits for the line, not a fixed time.</summary>
    private static async Task<string> LogLineAsync(LambdaFunctionProcess process, string containing)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.Output.FirstOrDefault(line => line.Contains(containing, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no log line with {containing} in:\n{string.Join("\n", process.Output)}");
    }

    private void AddModel(string id, string policyJson)
    {
        foreach (var version in new[] { "1", "2" })
        {
            // The advancer lists versions and never loads one: any bytes stand for the model.
            Directory.CreateDirectory(Path.Combine(_store.FullName, id, version));
            File.WriteAllBytes(Path.Combine(_store.FullName, id, version, "model.onnx"), [1, 2, 3]);
        }

        File.WriteAllText(Path.Combine(_store.FullName, id, "rollout.json"), policyJson);
    }

    private JsonElement Candidate(string id)
    {
        using var policy = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_store.FullName, id, "rollout.json")));
        return policy.RootElement.GetProperty("candidate").Clone();
    }

    private async Task<StartedLambdaFunction> StartAsync()
    {
        Skip.If(build.SkipReason is not null, build.SkipReason);
        var runtimeApi = await RuntimeApiStandIn.StartAsync();
        var process = LambdaFunctionProcess.Start(build.CliDirectory, "multimodel.dll", runtimeApi, memoryMegabytes: 512, new Dictionary<string, string>
        {
            ["MULTIMODEL_LAMBDA"] = "advance",
            ["MULTIMODEL_CANDIDATE_ALARM_PREFIX"] = "MultiModel-",
            ["ModelHost__Store__Kind"] = "Local",
            ["ModelHost__Store__LocalRoot"] = _store.FullName,
        });
        return new StartedLambdaFunction(runtimeApi, process, output);
    }
}
