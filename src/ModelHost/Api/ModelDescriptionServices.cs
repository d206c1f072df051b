using Microsoft.AspNetCore.Mvc;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Api;

/// <summary>What a model's description needs from the container, bound as one endpoint parameter with <c>[AsParameters]</c>.</summary>
public sealed record ModelDescriptionServices(
    [FromServices] ModelLookup Lookup,
    [FromServices] VersionResolver Versions,
    [FromServices] RolloutStatus Rollouts,
    [FromServices] VersionSelector Selector);
