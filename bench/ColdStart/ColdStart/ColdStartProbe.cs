using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace MultiModel.Bench.ColdStart;

/// <summary>Starts one process and times it from Process.Start to the first successful answer.</summary>
internal static class ColdStartProbe
{
    public static async Task<TimeSpan> MeasureAsync(Target target, TimeSpan timeout, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(target.Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(target.Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(target.Url.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // A fresh client per run: no pooled connection may survive from the previous process.
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = timeout };
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {target.Dll}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (stopwatch.Elapsed < timeout)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{target.Name} exited with {process.ExitCode} before answering:\n{output}");
                }

                if (await TryRequestAsync(client, target))
                {
                    return stopwatch.Elapsed;
                }

                // Short enough not to add to the figure noticeably, long enough not to starve the starting app's cores.
                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }

            throw new TimeoutException($"{target.Name} did not answer {target.Method} {target.Path} with 2xx within {timeout}:\n{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<bool> TryRequestAsync(HttpClient client, Target target)
    {
        using var request = new HttpRequestMessage(target.Method, new Uri(target.Url, target.Path));
        if (target.Body is not null)
        {
            request.Content = new StringContent(target.Body, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode; // a 503 "loading" is not ready yet
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException or IOException)
        {
            return false; // not listening yet
        }
    }
}
