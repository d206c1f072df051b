using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiModel.Cli.Rollouts;

/// <summary>Bake times as people write them: <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c>, plain seconds, or <c>00:10:00</c>.</summary>
internal static partial class Duration
{
    public static bool TryParse(string text, out int seconds)
    {
        seconds = 0;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && text.Contains(':', StringComparison.Ordinal))
        {
            seconds = (int)Math.Min(int.MaxValue, span.TotalSeconds);
            return span >= TimeSpan.Zero;
        }

        var parts = Parts().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(part => part.Value)) != text)
        {
            return false;
        }

        long total = 0;
        foreach (Match part in parts)
        {
            var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += amount * part.Groups[2].Value switch { "s" => 1, "m" => 60, "h" => 3600, _ => 86400 };
        }

        seconds = (int)Math.Min(int.MaxValue, total);
        return true;
    }

    public static string Describe(int seconds)
    {
        if (seconds <= 0)
        {
            return "0s";
        }

        var (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return string.Concat(hours > 0 ? $"{hours}h" : "", minutes > 0 ? $"{minutes}m" : "", rest > 0 ? $"{rest}s" : "");
    }

    public static string Describe(TimeSpan span) => Describe((int)Math.Ceiling(span.TotalSeconds));

    [GeneratedRegex(@"(\d{1,9})([smhd])")]
    private static partial Regex Parts();
}
