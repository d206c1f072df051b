using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// One compact JSON event per line on stdout: what CloudWatch Logs ingests from Lambda, and what log queries can
/// filter on. Levels come from <c>Serilog:MinimumLevel:Default</c> and <c>Serilog:MinimumLevel:Override:{Source}</c>,
/// read here directly: Serilog's configuration reader scans assemblies at start, about 30 ms of every cold start.
/// Sinks registered in DI (a test's capturing sink) are written to as well.
/// </summary>
public static class StructuredLogging
{
    public const string LevelsSection = "Serilog:MinimumLevel";

    /// <summary>The host's lifetime events: where it listens, started, stopping.</summary>
    public const string LifetimeSource = "Microsoft.Hosting.Lifetime";

    public static TBuilder AddStructuredLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // preserveStaticLogger: several hosts in one process (tests, benchmarks) must not share Serilog's static logger.
        builder.Services.AddSerilog((services, logger) => Configure(logger, services.GetRequiredService<IConfiguration>().GetSection(LevelsSection))
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(new CompactJsonFormatter()), preserveStaticLogger: true);
        return builder;
    }

    private static LoggerConfiguration Configure(LoggerConfiguration logger, IConfigurationSection levels)
    {
        // "Serilog:MinimumLevel": "Warning" is the short form of "Default"; Serilog's own reader accepts both. A section
        // with children has an empty value in some providers, so empty means "not the short form".
        var level = ParseLevel(string.IsNullOrEmpty(levels.Value) ? levels["Default"] : levels.Value, LogEventLevel.Information);
        // The start-up and shutdown lines ("Now listening on", "Application started") stay visible when the default is
        // raised to quiet per-request lines; an Override for the source still wins.
        logger.MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override(LifetimeSource, level < LogEventLevel.Information ? level : LogEventLevel.Information);
        foreach (var source in levels.GetSection("Override").GetChildren())
        {
            logger.MinimumLevel.Override(source.Key, ParseLevel(source.Value, LogEventLevel.Information));
        }

        return logger;
    }

    /// <summary>"Off" silences a source: a level above Fatal, which Serilog (and so ILogger.IsEnabled) never reaches.</summary>
    private const LogEventLevel Off = LogEventLevel.Fatal + 1;

    private static LogEventLevel ParseLevel(string? value, LogEventLevel fallback) =>
        value is null ? fallback
        : string.Equals(value, "Off", StringComparison.OrdinalIgnoreCase) ? Off
        : Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsDigit(value[0]) ? level
        : throw new InvalidOperationException($"{LevelsSection} has '{value}'; expected one of {string.Join(", ", Enum.GetNames<LogEventLevel>())} or Off.");
}
