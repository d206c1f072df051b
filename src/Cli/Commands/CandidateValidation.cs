using MultiModel.Cli.Stores;
using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>What validate and publish share: the candidate's files validated against the version live in the store now.</summary>
internal static class CandidateValidation
{
    /// <param name="version">The number the candidate would be published as: it names it in messages.</param>
    public static async Task<ValidationReport> RunAsync(
        CommandContext context, IModelRepository repository, CurrentPolicy current, ModelRef version, CandidateFiles files,
        GateSettings gates, CancellationToken cancellationToken)
    {
        var live = await LiveVersion.FindAsync(repository, version.Id, current, cancellationToken);
        var candidate = new ValidationSubject(new CandidateModelStore(files), version, files.Model);
        return await RunAsync(context, repository, candidate, live, gates, cancellationToken);
    }

    /// <summary>Any version against the live one; null <paramref name="live"/> for a first version (self-checks only).</summary>
    public static async Task<ValidationReport> RunAsync(
        CommandContext context, IModelRepository repository, ValidationSubject candidate, LiveVersion? live, GateSettings gates, CancellationToken cancellationToken)
    {
        using var session = new ValidationSession(context.Settings, context.Environment.Time, gates.Limits, gates.MemoryMegabytes);
        var reference = live is null ? null
            : new ValidationSubject(repository.Store, live.Ref, $"version {live.Ref.Version} in {repository.Location}", live.Reason);
        return await session.Validator.ValidateAsync(candidate, reference, gates.Samples, cancellationToken);
    }
}
