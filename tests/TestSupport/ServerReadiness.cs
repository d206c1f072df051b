using System.Diagnostics;
using System.Net;

namespace MultiModel.TestSupport;

/// <summary>Waits for a server started as a process of its own (the host, Prometheus) to answer at its readiness address.</summary>
public static class ServerReadiness
{
    /// <summary>
    /// Whether the server answered 200 within <paramref name="timeout"/>; false as soon as its process has exited,
    /// since then it never will, and the caller's message can point at its log at once.
    /// </summary>
    public static async Task<bool> WaitAsync(Process process, HttpClient client, Uri ready, TimeSpan timeout)
    {
        var settled = await Eventually.TrueAsync(async () => process.HasExited || await AnswersAsync(client, ready), timeout, TimeSpan.FromMilliseconds(100));
        return settled && !process.HasExited;
    }

    private static async Task<bool> AnswersAsync(HttpClient client, Uri ready)
    {
        try
        {
            return (await client.GetAsync(ready)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }
}
