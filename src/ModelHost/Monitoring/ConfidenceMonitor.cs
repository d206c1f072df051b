using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Monitoring;

/// <summary>
/// One loaded model's top scores: each prediction adds the best score of every row to a fixed window; the drift against
/// the baseline is computed only when someone reads it (a scrape, <c>GET /models</c>). It lives and dies with the
/// loaded model, so a reload of a changed model starts again from its new sidecar, and memory is bounded by what is
/// loaded.
/// </summary>
public sealed class ConfidenceMonitor
{
    private readonly string _scoresOutput;
    private readonly int _labelCount;
    private readonly double[]? _givenBaseline;
    private readonly string? _baselineProblem;
    private readonly int[] _learnedCounts = new int[ConfidenceBins.Count];
    private readonly int _baselineSize;
    private readonly int _minimumSamples;
    private readonly ConfidenceWindow _window;
    private long _learnedSamples;

    internal ConfidenceMonitor(
        ModelRef model, KeyValuePair<string, object?>[] tags, string scoresOutput, int labelCount, double[]? givenBaseline, string? baselineProblem,
        ConfidenceDriftOptions options)
    {
        Model = model;
        Tags = tags;
        _scoresOutput = scoresOutput;
        _labelCount = labelCount;
        _givenBaseline = givenBaseline;
        _baselineProblem = baselineProblem;
        _baselineSize = options.BaselineSize;
        _minimumSamples = options.MinimumSamples;
        // A refused baseline records nothing: there is nothing to compare with until the sidecar is fixed.
        _window = new ConfidenceWindow(baselineProblem is null ? options.WindowSize : 1);
    }

    public ModelRef Model { get; }

    /// <summary>The model's metric tags (the caller made them by the rule of which ids may be tags).</summary>
    internal KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>Adds each row's top score. A run that was not asked for the scores output (Open Inference may ask for others) adds nothing.</summary>
    internal void Record(Prediction prediction)
    {
        if (_baselineProblem is not null)
        {
            return;
        }

        for (var output = 0; output < prediction.OutputNames.Count; output++)
        {
            if (prediction.OutputNames[output] == _scoresOutput)
            {
                var scores = prediction.Outputs[output];
                if (scores.OnnxType == OnnxValueType.ONNX_TYPE_SEQUENCE)
                {
                    RecordMaps(scores);
                }
                else
                {
                    Record(scores.GetTensorDataAsSpan<float>());
                }

                return;
            }
        }
    }

    // A ZipMap output (seq(map(key, float))): each row's scores are its map's values, whatever the keys.
    private void RecordMaps(OrtValue sequence)
    {
        for (var row = 0; row < sequence.GetValueCount(); row++)
        {
            var (scores, _, _) = ScoreMaps.Row(sequence, row);
            if (scores.Length > 0 && ConfidenceBins.Of(Top(scores)) is var bin and >= 0)
            {
                Add(bin);
            }
        }
    }

    /// <summary>Scores for whole rows of <c>labelCount</c> labels; anything else was refused when the labels were written.</summary>
    internal void Record(ReadOnlySpan<float> scores)
    {
        if (scores.Length % _labelCount != 0)
        {
            return;
        }

        for (var row = 0; row < scores.Length; row += _labelCount)
        {
            var bin = ConfidenceBins.Of(Top(scores.Slice(row, _labelCount)));
            if (bin >= 0)
            {
                Add(bin);
            }
        }
    }

    public ConfidenceDriftReading Read()
    {
        if (_baselineProblem is not null)
        {
            return new ConfidenceDriftReading(null, ConfidenceDriftReading.Refused, null, 0, _baselineProblem);
        }

        Span<double> window = stackalloc double[ConfidenceBins.Count];
        _window.CopyCounts(window);
        var samples = _window.Samples;
        if (_givenBaseline is { } given)
        {
            return new ConfidenceDriftReading(Drift(given, window), ConfidenceDriftReading.FromSidecar, null, samples, null);
        }

        var learned = Math.Min(Interlocked.Read(ref _learnedSamples), _baselineSize);
        if (learned < _baselineSize)
        {
            return new ConfidenceDriftReading(null, ConfidenceDriftReading.Learning, learned, samples, null);
        }

        Span<double> baseline = stackalloc double[ConfidenceBins.Count];
        for (var bin = 0; bin < baseline.Length; bin++)
        {
            baseline[bin] = Volatile.Read(ref _learnedCounts[bin]);
        }

        return new ConfidenceDriftReading(Drift(baseline, window), ConfidenceDriftReading.Learned, learned, samples, null);
    }

    /// <summary>
    /// Judged on the bins' own totals, not on the window's counter: a score is counted a moment before its bin is, so a
    /// reading in between could find one sample and every bin empty, which the index refuses. The bins never hold more
    /// than the counter says, so too few samples by the counter are too few by the bins too.
    /// </summary>
    private double? Drift(ReadOnlySpan<double> baseline, ReadOnlySpan<double> window) =>
        PopulationStabilityIndex.Total(window) < Math.Max(_minimumSamples, 1) || PopulationStabilityIndex.Total(baseline) <= 0
            ? null
            : PopulationStabilityIndex.Compute(baseline, window);

    private void Add(int bin)
    {
        // The first scores after a load make the baseline when the sidecar gives none; the window starts after them,
        // so the two never share a score.
        if (_givenBaseline is null && Volatile.Read(ref _learnedSamples) < _baselineSize)
        {
            if (Interlocked.Increment(ref _learnedSamples) <= _baselineSize)
            {
                Interlocked.Increment(ref _learnedCounts[bin]);
                return;
            }
        }

        _window.Add(bin);
    }

    /// <summary>The best score of a row, as the labels rank it (NaN only when every score is NaN).</summary>
    private static float Top(ReadOnlySpan<float> row)
    {
        var top = float.NaN;
        foreach (var score in row)
        {
            if (score > top || float.IsNaN(top))
            {
                top = score;
            }
        }

        return top;
    }
}
