using System.Globalization;
using MultiModel.Cli.Rollouts;

namespace MultiModel.Cli.Commands;

/// <summary>rollout's flags, checked together: a candidate or a shadow, its share, and a candidate's schedule.</summary>
internal sealed record RolloutRequest(int Version, bool Shadow, double Percent, IReadOnlyList<double>? Steps, int BakeSeconds)
{
    public static RolloutRequest Read(int? candidate, int? shadow, double? percent, string? steps, string? bake)
    {
        if ((candidate is null) == (shadow is null))
        {
            throw new CliException("Give either --candidate VERSION or --shadow VERSION.");
        }

        var schedule = steps is null ? null : ParseSteps(steps);
        if (shadow is not null && (schedule is not null || bake is not null))
        {
            throw new CliException("--steps and --bake schedule a candidate; a shadow has a share only.");
        }

        if (bake is not null && schedule is null)
        {
            throw new CliException("--bake is the time between --steps; give the steps too.");
        }

        var share = percent ?? schedule?[0] ?? throw new CliException("Give --percent (or --steps, whose first step is the share to start with).");
        if (share is < 0 or > 100 || double.IsNaN(share))
        {
            throw new CliException($"--percent must be 0 to 100; got {share.ToString(CultureInfo.InvariantCulture)}.");
        }

        var bakeSeconds = 0;
        if (bake is not null && !Duration.TryParse(bake, out bakeSeconds))
        {
            throw new CliException($"--bake '{bake}' is not a duration; write e.g. 90s, 10m, 1h or 00:10:00.");
        }

        return new RolloutRequest(candidate ?? shadow!.Value, shadow is not null, share, schedule, bakeSeconds);
    }

    private static double[] ParseSteps(string steps)
    {
        var parsed = steps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(step => double.TryParse(step, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN).ToArray();
        return parsed.Length > 0 && parsed.All(double.IsFinite) ? parsed
            : throw new CliException($"--steps '{steps}' is not a list of shares; write e.g. 10,50,100.");
    }
}
