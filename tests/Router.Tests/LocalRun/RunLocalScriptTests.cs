using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MultiModel.TestSupport;

namespace MultiModel.Router.Tests.LocalRun;

/// <summary>
/// scripts/run-local.sh as a person runs it: the sample models' folder, the ModelHost and the Router started by one
/// command, a prediction through the Router, then SIGTERM (what Ctrl-C's neighbour, a service manager, sends) stops both.
/// It runs this test build's apps (--no-build, the same configuration), on free ports.
/// </summary>
public sealed class RunLocalScriptTests
{
    private const string Iris = """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2]]}}""";

    [Fact]
    public async Task RunLocal_OneCommand_AnswersAPredictionThroughTheRouterThenStopsBothAppsOnSigterm()
    {
        var (hostPort, routerPort) = (FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("bash",
            [RepositoryPaths.Of("scripts/run-local.sh"), "--no-build", "--configuration", RepositoryPaths.BuildConfiguration, "--host-port", $"{hostPort}", "--router-port", $"{routerPort}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var script = Process.Start(start)!;
        var output = new StringBuilder();
        var ready = new TaskCompletionSource();
        script.OutputDataReceived += (_, line) => Keep(line.Data);
        script.ErrorDataReceived += (_, line) => Keep(line.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(ready.Task, script.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(ready.Task.IsCompleted, $"the script ended before it was ready:\n{output}");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{routerPort}") };
            using var response = await client.PostAsync("/models/iris/predict", new StringContent(Iris, Encoding.UTF8, "application/json"));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body.RootElement}");
            Assert.Equal("setosa", body.RootElement.GetProperty("predictions")[0].GetProperty("label").GetString());
            using (var signal = Process.Start("kill", ["-TERM", $"{script.Id}"]))
            {
                await signal.WaitForExitAsync();
            }

            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await script.WaitForExitAsync(stopping.Token);
            Assert.True(script.ExitCode == 0, $"exit code {script.ExitCode}:\n{output}");
            Assert.Contains("run-local.sh: stopped", output.ToString(), StringComparison.Ordinal);
            Assert.False(Listening(hostPort), "the ModelHost still listens");
            Assert.False(Listening(routerPort), "the Router still listens");
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }

        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith("run-local.sh: ready", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var socket = new TcpClient();
            socket.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
