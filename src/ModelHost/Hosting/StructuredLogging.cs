using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// One compact JSON event per line on stdout: what CloudWatch Logs ingests from Lambda, and what log queries can
/// filter on. Levels can be overridden in the "Serilog" configuration section.
/// </summary>
public static class StructuredLogging
{
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(new CompactJsonFormatter()));
        return builder;
    }
}
