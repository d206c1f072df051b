using System.Diagnostics;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Warm latency of the candidate against the live version in the same run: after a few warm-up runs each, rounds in
/// which both run once on the same input, the order swapped every round, so that whatever else the machine does
/// (other builds, frequency changes) falls on both alike. The medians are compared.
/// </summary>
internal static class LatencyRace
{
    private const int WarmupRuns = 5;

    public static LatencyFigures Run(MeasuredModel candidate, MeasuredModel? live, InputSet input, int rounds)
    {
        using var candidateRequest = ModelRuns.Bind(candidate, input);
        using var liveRequest = live is null ? null : ModelRuns.Bind(live, input);
        for (var run = 0; run < WarmupRuns; run++)
        {
            ModelRuns.RunOnce(candidate, candidateRequest);
            if (live is not null)
            {
                ModelRuns.RunOnce(live, liveRequest!);
            }
        }

        var candidateTimes = new double[rounds];
        var liveTimes = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            if (live is not null && round % 2 == 1)
            {
                liveTimes[round] = Time(() => ModelRuns.RunOnce(live, liveRequest!));
            }

            candidateTimes[round] = Time(() => ModelRuns.RunOnce(candidate, candidateRequest));
            if (live is not null && round % 2 == 0)
            {
                liveTimes[round] = Time(() => ModelRuns.RunOnce(live, liveRequest!));
            }
        }

        var candidateMedian = Median(candidateTimes);
        var liveMedian = live is null ? (double?)null : Median(liveTimes);
        return new LatencyFigures(rounds, input.Name, candidateMedian, liveMedian, liveMedian is > 0 ? candidateMedian / liveMedian : null);
    }

    private static double Time(Action run)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
