using System.CommandLine;
using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>validate's flags, shared by every verb that validates (publish, and rollout of a version that was not published).</summary>
internal sealed class GateOptions
{
    private readonly Option<string?> _samples = new("--samples") { Description = "Golden samples, JSON Lines: {\"inputs\": {...}, \"expected\": {...}, \"tolerance\": 1e-4}." };
    private readonly Option<int?> _memory = new("--memory-mb") { Description = "The function's memory size; the model must fit the cache budget a host of that size derives." };
    private readonly Option<double> _latency = new("--max-latency-ratio") { Description = "Gate: warm p50 latency at most this many times the live version's.", DefaultValueFactory = _ => 1.5 };
    private readonly Option<double> _memoryRatio = new("--max-memory-ratio") { Description = "Gate: memory charge at most this many times the live version's.", DefaultValueFactory = _ => 2 };
    private readonly Option<double> _top1 = new("--min-top1") { Description = "Gate: share of rows whose best class agrees with the expected outputs, else the live version.", DefaultValueFactory = _ => 0.95 };
    private readonly Option<int> _rounds = new("--rounds") { Description = "Interleaved rounds of the latency comparison.", DefaultValueFactory = _ => 50 };

    public GateOptions(Command command)
    {
        _memory.Validators.Add(result => Positive(result, result.GetValueOrDefault<int?>() ?? 1));
        _latency.Validators.Add(result => Positive(result, result.GetValueOrDefault<double>()));
        _memoryRatio.Validators.Add(result => Positive(result, result.GetValueOrDefault<double>()));
        _rounds.Validators.Add(result => Positive(result, result.GetValueOrDefault<int>()));
        _top1.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 1)
            {
                result.AddError("--min-top1 is a share from 0 to 1, e.g. 0.95.");
            }
        });
        foreach (var option in new Option[] { _samples, _memory, _latency, _memoryRatio, _top1, _rounds })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The flags; the golden samples are read now, so that a broken file fails before anything is loaded.</summary>
    public GateSettings Read(ParseResult parse) => new(
        new ValidationLimits(parse.GetValue(_latency), parse.GetValue(_memoryRatio), parse.GetValue(_top1), parse.GetValue(_rounds)),
        parse.GetValue(_memory),
        Samples(parse));

    private IReadOnlyList<InputSet>? Samples(ParseResult parse) =>
        parse.GetValue(_samples) is { } path
            ? File.Exists(path) ? GoldenSamples.Read(path) : throw new CliException($"The samples file {path} does not exist.")
            : null;

    private static void Positive(System.CommandLine.Parsing.OptionResult result, double value)
    {
        if (!(value > 0))
        {
            result.AddError($"{result.Option.Name} must be more than 0.");
        }
    }
}
