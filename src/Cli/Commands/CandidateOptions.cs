using System.CommandLine;
using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>The model files validate and publish take: the model, its labels.json, and other files beside it.</summary>
internal sealed class CandidateOptions
{
    private readonly Option<string> _model = new("--model") { Description = "The ONNX model file.", Required = true };
    private readonly Option<string?> _labels = new("--labels") { Description = "Its labels.json sidecar (checked against the outputs as a host checks it)." };
    private readonly Option<string[]> _extras = new("--extra")
    {
        Description = "Another file beside the model, kept under its own name (external data the model refers to); repeatable.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    public CandidateOptions(Command command)
    {
        command.Options.Add(_model);
        command.Options.Add(_labels);
        command.Options.Add(_extras);
    }

    /// <summary>The files, each checked to exist (a missing one is a file error, exit 2).</summary>
    public CandidateFiles Read(ParseResult parse)
    {
        var files = new CandidateFiles(parse.GetRequiredValue(_model), parse.GetValue(_labels), parse.GetValue(_extras) ?? []);
        if (files.Missing is { } missing)
        {
            throw new CliException($"The file {missing} does not exist.");
        }

        var names = files.Extras.Select(Path.GetFileName).ToArray();
        if (names.Any(name => name is "model.onnx" or "labels.json" or "publish.json" or "rollout.json") || names.Distinct().Count() != names.Length)
        {
            throw new CliException("Each --extra file needs a name of its own, other than model.onnx, labels.json, publish.json or rollout.json.");
        }

        return files;
    }
}
