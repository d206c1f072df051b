using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// One compact JSON event per line on stdout: what CloudWatch Logs ingests from Lambda, and what log queries can
/// filter on. Levels come from <c>Serilog:MinimumLevel:Default</c> and <c>Serilog:MinimumLevel:Override:{Source}</c>,
/// read here directly: Serilog's configuration reader scans assemblies at start, about 30 ms of every cold start.
/// </summary>
public static class StructuredLogging
{
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var levels = builder.Configuration.GetSection("Serilog:MinimumLevel");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(ParseLevel(levels["Default"], LogEventLevel.Information))
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning);
        foreach (var source in levels.GetSection("Override").GetChildren())
        {
            configuration.MinimumLevel.Override(source.Key, ParseLevel(source.Value, LogEventLevel.Information));
        }

        builder.Services.AddSerilog(configuration.Enrich.FromLogContext().WriteTo.Console(new CompactJsonFormatter()).CreateLogger(), dispose: true);
        return builder;
    }

    private static LogEventLevel ParseLevel(string? value, LogEventLevel fallback) =>
        value is null ? fallback
        : Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) ? level
        : throw new InvalidOperationException($"Serilog:MinimumLevel has '{value}'; expected one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}.");
}
