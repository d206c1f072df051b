using System.CommandLine;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary><c>validate</c>: would this model be safe to publish as the next version? Writes nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("validate", "Load a model with the host's loader and check it against the live version: interface, memory, latency, agreement.");
        var id = ModelIdOption.Add(command);
        var files = new CandidateOptions(command);
        var gates = new GateOptions(command);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = ModelIdOption.Read(parse, id);
            var candidate = files.Read(parse);
            var settings = gates.Read(parse);
            using var repository = context.OpenRepository(store.Read(parse));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var live = await LiveVersion.FindAsync(repository, modelId, current, cancellationToken);
            var next = new ModelRef(modelId, await repository.HighestVersionFolderAsync(modelId, cancellationToken) + 1);
            var subject = new ValidationSubject(new CandidateModelStore(candidate), next, candidate.Model);
            var report = await CandidateValidation.RunAsync(context, repository, subject, live, settings, cancellationToken);
            context.Document(new ValidateDocument(report.Passed, report));
            ValidationOutput.Write(context, report, $"validate '{modelId}': {candidate.Model}");
            return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
        });
        return command;
    }
}
