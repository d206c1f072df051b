using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// How an app words its health answers and where it serves them. The status code is the health checks' own
/// (200 healthy or degraded, 503 unhealthy); the body is the app's, so each keeps the shape its clients read.
/// </summary>
/// <param name="WriteLive">Writes the body of <c>{prefix}/live</c>.</param>
/// <param name="WriteReady">Writes the body of <c>{prefix}/ready</c>.</param>
public sealed record HealthResponses(Func<HttpContext, HealthReport, Task> WriteLive, Func<HttpContext, HealthReport, Task> WriteReady)
{
    /// <summary>One body writer for both endpoints.</summary>
    public HealthResponses(Func<HttpContext, HealthReport, Task> write)
        : this(write, write)
    {
    }

    /// <summary>Each prefix gets <c>{prefix}/live</c> and <c>{prefix}/ready</c>.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = ["/health"];
}
