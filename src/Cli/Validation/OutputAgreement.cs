namespace MultiModel.Cli.Validation;

/// <summary>
/// How closely one output of the candidate follows a reference (the live version, or the expected values) over every
/// input compared: the largest absolute difference, and for class scores how often the best class is the same.
/// </summary>
internal sealed class OutputAgreement(string output, bool classScores)
{
    public string Output { get; } = output;

    public bool ClassScores { get; } = classScores;

    public int Compared { get; private set; }

    /// <summary>Over the values that line up; infinite when a value is NaN on one side only.</summary>
    public double MaxAbsDifference { get; private set; }

    public int Top1Rows { get; private set; }

    public int Top1Agreed { get; private set; }

    /// <summary>Inputs whose outputs do not line up value by value (another shape, other strings, other labels).</summary>
    public int Mismatched { get; private set; }

    public double? Top1Agreement => Top1Rows == 0 ? null : (double)Top1Agreed / Top1Rows;

    /// <summary>Adds one input's outputs; returns their largest absolute difference, infinite when they do not line up.</summary>
    public double Add(OutputValues candidate, OutputValues reference)
    {
        Compared++;
        var difference = Difference(candidate, reference);
        if (difference is { } measured)
        {
            MaxAbsDifference = Math.Max(MaxAbsDifference, measured);
        }
        else
        {
            Mismatched++;
        }

        if (ClassScores && candidate.TopClasses() is { } ours && reference.TopClasses() is { } theirs && ours.Length == theirs.Length)
        {
            Top1Rows += ours.Length;
            Top1Agreed += ours.Zip(theirs).Count(pair => pair.First == pair.Second);
        }

        return difference ?? double.PositiveInfinity;
    }

    /// <summary>The largest absolute difference; null when the values do not line up.</summary>
    private static double? Difference(OutputValues candidate, OutputValues reference)
    {
        if (candidate.Numbers is { } ours && reference.Numbers is { } theirs)
        {
            return ours.Length == theirs.Length ? Largest(ours.Zip(theirs, (a, b) => double.IsNaN(a) && double.IsNaN(b) ? 0 : Math.Abs(a - b))) : null;
        }

        if (candidate.Texts is { } ourTexts && reference.Texts is { } theirTexts)
        {
            return ourTexts.SequenceEqual(theirTexts) ? 0 : null;
        }

        if (candidate.ScoreRows is { } ourRows && reference.ScoreRows is { } theirRows && ourRows.Count == theirRows.Count
            && ourRows.Zip(theirRows).All(pair => pair.First.Keys.ToHashSet().SetEquals(pair.Second.Keys)))
        {
            return Largest(ourRows.Zip(theirRows).SelectMany(pair => pair.First.Select(entry => Math.Abs(entry.Value - pair.Second[entry.Key]))));
        }

        return null;
    }

    // NaN on one side only is as far apart as values get.
    private static double Largest(IEnumerable<double> differences) =>
        differences.Aggregate(0.0, (largest, difference) => double.IsNaN(difference) ? double.PositiveInfinity : Math.Max(largest, difference));
}
