using System.Diagnostics;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>Nanoseconds per call of a small piece of work, after a tenth as many calls to warm it up (tiered JIT, caches).</summary>
internal static class InProcessTiming
{
    public static double NanosecondsPer(int iterations, Action action)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            action();
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / iterations;
    }
}
