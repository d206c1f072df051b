using System.CommandLine;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;
using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>
/// <c>rollout</c>: give a version a share of the unpinned callers (optionally on a schedule of steps), or run it in
/// the shadow of a share of them. A version that did not come through <c>publish</c> is validated first.
/// </summary>
internal static class RolloutCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("rollout", "Roll a version out to a share of unpinned callers (--candidate), or run it in their shadow (--shadow).");
        var id = ModelIdOption.Add(command);
        var candidate = new Option<int?>("--candidate") { Description = "The version to give a share of unpinned callers." };
        var shadow = new Option<int?>("--shadow") { Description = "The version to run in the shadow of a share of unpinned predictions (--percent 0 stops it)." };
        var percent = new Option<double?>("--percent") { Description = "The share now, 0 to 100 (with --steps: the first step's by default)." };
        var steps = new Option<string?>("--steps") { Description = "A schedule of shares, e.g. 10,50,100: advance moves to the next after each bake time and promotes at 100." };
        var bake = new Option<string?>("--bake") { Description = "How long each step runs before advance moves on, e.g. 10m, 1h, 90s." };
        var force = new Option<bool>("--force") { Description = "Skip the gates for a version without publish.json." };
        foreach (var option in new Option[] { candidate, shadow, percent, steps, bake, force })
        {
            command.Options.Add(option);
        }

        var gates = new GateOptions(command);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = ModelIdOption.Read(parse, id);
            var request = RolloutRequest.Read(parse.GetValue(candidate), parse.GetValue(shadow), parse.GetValue(percent), parse.GetValue(steps), parse.GetValue(bake));
            using var repository = context.OpenRepository(store.Read(parse));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var versions = await repository.Store.ListVersionsAsync(modelId, cancellationToken);
            var version = new ModelRef(modelId, request.Version);
            if (!versions.Contains(version.Version))
            {
                throw new CliException($"'{modelId}' has no version {version.Version} in {repository.Location} (versions: {(versions.Count == 0 ? "none" : string.Join(", ", versions))}).");
            }

            var policy = current.Policy ?? new RolloutPolicy(StableWithoutPolicy(modelId, versions, version.Version));
            if (policy.Stable == version.Version && !(request.Shadow && request.Percent == 0))
            {
                throw new CliException($"Version {version.Version} is the stable version of '{modelId}' already.");
            }

            ValidationReport? report = null;
            if (!parse.GetValue(force) && !(request.Shadow && request.Percent == 0) && await PublishedVersions.ManifestAsync(repository, version, cancellationToken) is null)
            {
                // Copied into the store by hand: nothing vouches for it yet, so it gets the publish gates before any traffic.
                var live = new LiveVersion(new ModelRef(modelId, policy.Stable), "stable");
                report = await CandidateValidation.RunAsync(context, repository, new ValidationSubject(repository.Store, version, $"version {version.Version} in {repository.Location}"), live, gates.Read(parse), cancellationToken);
                ValidationOutput.Write(context, report, $"version {version.Version} of '{modelId}' has no publish.json: validating it");
                if (!report.Passed)
                {
                    context.Document(new PolicyDocument("rollout", "none", $"not rolled out: {string.Join(", ", report.FailedGates)} failed", false, current.Policy, report));
                    context.Line($"not rolled out: {string.Join(", ", report.FailedGates)} failed (--force skips the gates)");
                    return ExitCodes.GateFailed;
                }
            }

            var change = request.Shadow
                ? RolloutTransitions.StartShadow(policy, version.Version, request.Percent)
                : RolloutTransitions.StartCandidate(policy, version.Version, request.Percent, request.Steps, request.BakeSeconds, context.Now);
            return await PolicyUpdate.ApplyAsync(context, repository, modelId, current, change, report, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Without a policy unpinned callers get the highest version; the stable version to roll out against is that one,
    /// or, when the version rolled out is itself the highest (copied in by hand), the highest below it.
    /// </summary>
    private static int StableWithoutPolicy(string modelId, IReadOnlyList<int> versions, int version) =>
        versions.Where(other => other != version).DefaultIfEmpty(0).Max() is > 0 and var stable ? stable
            : throw new CliException($"Version {version} is the only version of '{modelId}': there is no stable version to roll it out against.");
}
