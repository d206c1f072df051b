using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;

namespace MultiModel.ModelHost.Tests.Monitoring;

/// <summary>The window and the learned baseline, fed top scores directly (two labels a row: the score and its complement).</summary>
public sealed class ConfidenceMonitorTests
{
    private static readonly ConfidenceDriftOptions Options = new() { BaselineSize = 50, WindowSize = 40, MinimumSamples = 20 };

    [Fact]
    public void Read_WhileLearning_CountsTheBaselineAndReportsNoDrift()
    {
        var monitor = Monitor();
        Feed(monitor, 0.95f, 30);

        var reading = monitor.Read();

        Assert.Equal(new ConfidenceDriftReading(null, ConfidenceDriftReading.Learning, 30, 0, null), reading);
    }

    [Fact]
    public void Read_WindowTooSmall_ReportsNoDrift()
    {
        var monitor = Monitor();
        Feed(monitor, 0.95f, 50 + 19);

        Assert.Equal(new ConfidenceDriftReading(null, ConfidenceDriftReading.Learned, 50, 19, null), monitor.Read());
    }

    [Fact]
    public void Read_ScoresMoveAwayAndBack_DriftRisesAndTheWindowForgets()
    {
        var monitor = Monitor();
        Feed(monitor, 0.95f, 50 + 40);
        var steady = monitor.Read().Drift;

        Feed(monitor, 0.55f, 40);
        var shifted = monitor.Read().Drift;

        Feed(monitor, 0.95f, 40);
        var back = monitor.Read().Drift;

        Assert.Equal(0, steady!.Value, precision: 12);
        Assert.True(shifted > 5, $"drift {shifted} after every score moved from bin 9 to bin 5");
        Assert.Equal(0, back!.Value, precision: 12);
        Assert.Equal(40, monitor.Read().WindowSamples);
    }

    [Fact]
    public void Record_BatchRows_EachRowsTopScoreCounts()
    {
        var monitor = Monitor(given: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);

        monitor.Record([0.02f, 0.98f, 0.97f, 0.03f, float.NaN, 0.91f]); // three rows, best 0.98, 0.97, 0.91
        monitor.Record([0.5f, 0.2f, 0.3f]); // not whole rows of two: ignored

        Assert.Equal(3, monitor.Read().WindowSamples);
    }

    [Fact]
    public void Read_GivenBaseline_ComparesFromTheFirstScore()
    {
        var monitor = Monitor(given: [0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0.5]);
        Feed(monitor, 0.95f, 10);
        Feed(monitor, 0.55f, 10);

        var reading = monitor.Read();

        Assert.Equal(ConfidenceDriftReading.FromSidecar, reading.Baseline);
        Assert.Null(reading.BaselineSamples);
        Assert.Equal(0, reading.Drift!.Value, precision: 12);
    }

    [Fact]
    public void Read_RefusedBaseline_RecordsNothingAndSaysWhy()
    {
        var monitor = new ConfidenceMonitor(new ModelRef("m", 1), [], "y", 2, null, "broken", Options);
        Feed(monitor, 0.95f, 100);

        Assert.Equal(new ConfidenceDriftReading(null, ConfidenceDriftReading.Refused, null, 0, "broken"), monitor.Read());
    }

    private static ConfidenceMonitor Monitor(double[]? given = null) => new(new ModelRef("m", 1), [], "y", 2, given, null, Options);

    private static void Feed(ConfidenceMonitor monitor, float top, int rows)
    {
        var scores = new float[rows * 2];
        for (var row = 0; row < rows; row++)
        {
            (scores[row * 2], scores[(row * 2) + 1]) = (top, 1 - top);
        }

        monitor.Record(scores);
    }
}
