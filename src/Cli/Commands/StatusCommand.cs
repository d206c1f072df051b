using System.CommandLine;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary><c>status</c>: the policy, each version's part in it, and (with <c>--host</c>) a host's live figures per version.</summary>
internal static class StatusCommand
{
    /// <summary>Manifests are read for the newest versions and every version the policy names; older ones are listed only.</summary>
    private const int VersionsDescribed = 10;

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("status", "Show a model's rollout policy, its versions, and a host's live figures per version (--host).");
        var id = ModelIdOption.Add(command);
        var host = new Option<string?>("--host") { Description = "A host's base URL, e.g. http://localhost:5000: its GET /models/{id} gives the live figures." };
        command.Options.Add(host);
        var store = new StoreOptions(command);
        CommandRunner.SetAction(command, environment, async (parse, context, cancellationToken) =>
        {
            var modelId = ModelIdOption.Read(parse, id);
            using var repository = context.OpenRepository(store.Read(parse));
            var current = await CurrentPolicy.ReadAsync(repository, modelId, cancellationToken);
            var versions = await repository.Store.ListVersionsAsync(modelId, cancellationToken);
            var policy = current.Policy;
            var statuses = new List<VersionStatus>();
            foreach (var version in versions)
            {
                var roles = Roles(policy, version);
                var manifest = roles.Count > 0 || version > versions[^1] - VersionsDescribed
                    ? await PublishedVersions.ManifestAsync(repository, new ModelRef(modelId, version), cancellationToken) : null;
                statuses.Add(new VersionStatus(version, roles, manifest is not null, manifest?.PublishedAt, manifest?.PublishedBy, manifest?.Forced));
            }

            var hostStatus = parse.GetValue(host) is { } url ? await new HostStatusClient(environment.HostHandler).GetAsync(url, modelId, cancellationToken) : null;
            var live = policy?.Stable ?? (versions.Count > 0 ? versions[^1] : null);
            context.Document(new StatusDocument(modelId, repository.Location, live, policy, statuses, hostStatus));
            StatusOutput.Write(context, modelId, repository.Location, policy, statuses, hostStatus, versions.Count == 0);
            return hostStatus?.Error is null ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    private static List<string> Roles(RolloutPolicy? policy, int version)
    {
        var roles = new List<string>();
        if (policy is null)
        {
            return roles;
        }

        if (policy.Stable == version)
        {
            roles.Add("stable");
        }

        if (policy.Candidate?.Version == version)
        {
            roles.Add("candidate");
        }

        if (policy.Shadow?.Version == version)
        {
            roles.Add("shadow");
        }

        if (policy.PreviousStable?.Contains(version) == true)
        {
            roles.Add("previous-stable");
        }

        return roles;
    }
}
