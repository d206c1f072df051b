using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Runs every input through the candidate and the live version and compares what they return, output by output, with
/// each other and with the samples' expected values. Gives the run, samples and top1 gates.
/// </summary>
internal sealed class AgreementCheck(MeasuredModel candidate, MeasuredModel? live, ValidationLimits limits)
{
    private readonly Dictionary<string, OutputAgreement> _vsLive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutputAgreement> _vsExpected = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly List<string> _runFailures = [];
    private readonly List<(string Sample, string Problem, double Excess)> _outside = [];
    private int _withExpected;

    /// <summary>The first input both models took, for the latency race; null when there was none.</summary>
    public InputSet? Runnable { get; private set; }

    /// <summary>The first input the candidate took, to time it alone when the live version took none.</summary>
    public InputSet? CandidateRunnable { get; private set; }

    public (AgreementFigures Figures, IReadOnlyList<Gate> Gates) Run(IReadOnlyList<InputSet> inputs, bool golden)
    {
        var liveRefused = new List<string>();
        foreach (var input in inputs)
        {
            var ours = TryRun(candidate, input, out var ourError);
            string? theirError = null;
            var theirs = live is null ? null : TryRun(live, input, out theirError);
            if (live is not null && theirs is null && ours is not null)
            {
                liveRefused.Add($"{input.Name} ({theirError})");
            }

            if (ours is null)
            {
                if (golden || theirs is not null)
                {
                    _runFailures.Add($"{input.Name}: {ourError}");
                }
                else
                {
                    _notes.Add($"{input.Name} was refused by {(live is null ? "the candidate" : "both versions")}: {ourError}");
                }

                continue;
            }

            CandidateRunnable ??= input;
            Runnable ??= live is null || theirs is not null ? input : null;
            if (theirs is not null)
            {
                Compare(ours, theirs.ToDictionary(output => output.Name, StringComparer.Ordinal), _vsLive);
            }

            if (input.Expected is { } expected)
            {
                CheckExpected(input, ours, expected);
            }
        }

        if (liveRefused.Count > 0)
        {
            _notes.Add($"the live version refused {liveRefused.Count} input(s) the candidate took, e.g. {liveRefused[0]}");
        }

        var figures = new AgreementFigures(
            golden ? "golden samples" : "generated from the signature", inputs.Count,
            [.. _vsLive.Values.Select(OutputAgreementFigures.Of)], [.. _vsExpected.Values.Select(OutputAgreementFigures.Of)], _notes);
        return (figures, Gates(inputs.Count));
    }

    private List<Gate> Gates(int count)
    {
        var gates = new List<Gate>();
        if (_runFailures.Count > 0)
        {
            gates.Add(new Gate("run", false,
                $"the candidate failed {_runFailures.Count} of {count} inputs{(live is null ? "" : " that the live version answered")}; first: {_runFailures[0]}",
                _runFailures.Count, 0));
        }

        if (_withExpected > 0)
        {
            var worst = _outside.OrderByDescending(outside => outside.Excess).FirstOrDefault();
            gates.Add(_outside.Count == 0
                ? new Gate("samples", true, $"all {_withExpected} samples with expected outputs are within their tolerance", 0, 0)
                : new Gate("samples", false, $"{_outside.Select(o => o.Sample).Distinct().Count()} of {_withExpected} samples are outside their tolerance; worst: {worst.Sample}: {worst.Problem}", _outside.Count, 0));
        }

        // The expected outputs are the truth when the samples give them for class scores; the live version otherwise.
        var (reference, against) = _vsExpected.Values.Any(a => a.Top1Rows > 0) ? (_vsExpected, "the expected outputs") : (_vsLive, "the live version");
        var rows = reference.Values.Sum(a => a.Top1Rows);
        if (rows > 0)
        {
            var share = (double)reference.Values.Sum(a => a.Top1Agreed) / rows;
            var outputs = string.Join(", ", reference.Values.Where(a => a.Top1Rows > 0).Select(a => $"'{a.Output}'"));
            var detail = $"{Units.Percent(share)} of {rows} rows ({outputs}) have the best class of {against} (min {Units.Percent(limits.MinTop1)})";
            gates.Add(new Gate("top1", share >= limits.MinTop1, share >= limits.MinTop1 ? detail : $"{detail}: {Units.Percent(limits.MinTop1 - share)} short", share, limits.MinTop1));
        }

        return gates;
    }

    private void CheckExpected(InputSet input, IReadOnlyList<OutputValues> ours, IReadOnlyDictionary<string, JsonElement> expected)
    {
        _withExpected++;
        foreach (var (name, values) in expected)
        {
            var actual = ours.FirstOrDefault(output => output.Name == name);
            string? problem = null;
            var reference = actual is null ? null : ExpectedValues.Read(values, actual, out problem);
            if (actual is null || reference is null)
            {
                _outside.Add((input.Name, actual is null ? $"the candidate returns no output '{name}'" : $"output '{name}' cannot be compared: {problem}", double.PositiveInfinity));
                continue;
            }

            var difference = Agreement(_vsExpected, actual).Add(actual, reference);
            if (!(difference <= input.Tolerance))
            {
                _outside.Add((input.Name, $"output '{name}' is off by {Units.Number(difference)} (tolerance {Units.Number(input.Tolerance)})", difference - input.Tolerance));
            }
        }
    }

    private void Compare(IReadOnlyList<OutputValues> ours, Dictionary<string, OutputValues> theirs, Dictionary<string, OutputAgreement> into)
    {
        foreach (var output in ours)
        {
            if (theirs.TryGetValue(output.Name, out var reference))
            {
                Agreement(into, output).Add(output, reference);
            }
        }
    }

    private OutputAgreement Agreement(Dictionary<string, OutputAgreement> into, OutputValues output)
    {
        if (!into.TryGetValue(output.Name, out var agreement))
        {
            var scores = output.Name == candidate.Labels?.ScoresOutput || output.Name == live?.Labels?.ScoresOutput || output.ScoreRows is not null
                || (output.IsFloatingPoint && output.Shape.Length >= 2 && output.Shape[^1] > 1);
            into[output.Name] = agreement = new OutputAgreement(output.Name, scores);
        }

        return agreement;
    }

    private static IReadOnlyList<OutputValues>? TryRun(MeasuredModel model, InputSet input, out string? error)
    {
        try
        {
            error = null;
            return ModelRuns.Run(model, input);
        }
        catch (Exception exception) when (exception is InvalidInputException or OnnxRuntimeException or JsonException or InvalidOperationException)
        {
            error = exception.Message;
            return null;
        }
    }
}
