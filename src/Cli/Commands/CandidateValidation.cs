using MultiModel.Cli.Stores;
using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>What validate, publish and rollout share: a version validated against the version live in the store now.</summary>
internal static class CandidateValidation
{
    /// <param name="live">Null for a first version: self-checks only.</param>
    public static async Task<ValidationReport> RunAsync(
        CommandContext context, IModelRepository repository, ValidationSubject candidate, LiveVersion? live, GateSettings gates, CancellationToken cancellationToken)
    {
        using var session = new ValidationSession(context.Settings, context.Environment.Time, gates.Limits, gates.MemoryMegabytes);
        var reference = live is null ? null
            : new ValidationSubject(repository.Store, live.Ref, $"version {live.Ref.Version} in {repository.Location}", live.Reason);
        return await session.Validator.ValidateAsync(candidate, reference, gates.Samples, cancellationToken);
    }
}
