using System.ComponentModel.DataAnnotations;

namespace MultiModel.Deploy.Configuration;

/// <summary>An EventBridge schedule that invokes the function's <c>POST /admin/prewarm</c>.</summary>
internal sealed class WarmupConfig
{
    private const string ScheduleMessage = "{0} must be an EventBridge 'rate(...)' or 'cron(...)' expression.";

    /// <summary>EventBridge schedule expression, <c>rate(...)</c> or <c>cron(...)</c>.</summary>
    [Required(ErrorMessage = ScheduleMessage)]
    [RegularExpression(@"^(rate|cron)\([\s\S]*\)$", ErrorMessage = ScheduleMessage)]
    public string Schedule { get; init; } = "rate(5 minutes)";

    /// <summary>Models to prewarm; empty means the function's own <see cref="ModelFunctionConfig.Models"/>.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
}
