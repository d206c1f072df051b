using System.CommandLine;
using MultiModel.Cli.Publishing;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary><c>publish</c>: validate, then write the model as the next version, with no traffic until it is rolled out.</summary>
internal static class PublishCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("publish", "Validate a model, then write it as the model's next version (sidecars and manifest first, model.onnx last), with no traffic yet.");
        var id = ModelIdOption.Add(command);
        var force = new Option<bool>("--force") { Description = "Skip the gates (the manifest records that they were skipped)." };
        var partSize = new Option<int>("--part-size-mb") { Description = "S3 multipart part size; larger files go up in parts.", DefaultValueFactory = _ => RepositoryFactory.DefaultPartSizeMegabytes };
        partSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 5 or > 5120)
            {
                result.AddError("--part-size-mb must be 5 to 5120 (S3's limits for a part).");
            }
        });
        var files = new CandidateOptions(command);
        var gates = new GateOptions(command);
        command.Options.Add(force);
        command.Options.Add(partSize);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = ModelIdOption.Read(parse, id);
            var candidate = files.Read(parse);
            var settings = gates.Read(parse);
            using var repository = context.OpenRepository(store.Read(parse), parse.GetValue(partSize));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var live = await LiveVersion.FindAsync(repository, modelId, current, cancellationToken);
            var next = new ModelRef(modelId, await repository.HighestVersionFolderAsync(modelId, cancellationToken) + 1);

            ValidationReport? report = null;
            if (!parse.GetValue(force))
            {
                report = await CandidateValidation.RunAsync(context, repository, new ValidationSubject(new CandidateModelStore(candidate), next, candidate.Model), live, settings, cancellationToken);
                ValidationOutput.Write(context, report, $"validate '{modelId}' as version {next.Version}: {candidate.Model}");
                if (!report.Passed)
                {
                    context.Document(new PublishDocument(false, null, report));
                    context.Line($"not published: {string.Join(", ", report.FailedGates)} failed (--force skips the gates)");
                    return ExitCodes.GateFailed;
                }
            }

            var publisher = new Publisher(repository, environment.Time);
            using var plan = await publisher.PlanAsync(next, candidate, report is null ? null : ManifestValidation.Of(report), environment.User, cancellationToken);
            PublishResult result;
            using (var bar = context.Progress($"uploading version {next.Version}", plan.TotalBytes))
            {
                result = await publisher.PublishAsync(plan, current, live, bar, cancellationToken);
            }

            context.Document(new PublishDocument(true, result, report));
            Describe(context, result, live);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Describe(CommandContext context, PublishResult result, LiveVersion? live)
    {
        if (result.PinnedStable is { } pinned)
        {
            context.Line($"wrote {RolloutPolicy.FileName} {{\"stable\": {pinned}}} first, so unpinned callers stay on version {pinned}");
        }

        context.Line($"published '{result.Manifest.Id}' version {result.Version} in {result.Location}{(result.Manifest.Forced ? " (gates skipped: --force)" : "")}");
        foreach (var file in result.Manifest.Files)
        {
            context.Line($"  {file.Name,-14} {Units.Bytes(file.Bytes),10}  sha256 {file.Sha256}");
        }

        context.Line(live is null
            ? $"version {result.Version} is the model's first: unpinned callers get it now"
            : $"version {result.Version} has no traffic yet; next: multimodel rollout --id {result.Manifest.Id} --candidate {result.Version} --percent 10");
    }
}
