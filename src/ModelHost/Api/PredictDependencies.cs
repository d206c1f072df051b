using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Capture;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// What a prediction needs from the container, bound as one endpoint parameter with <c>[AsParameters]</c>. Marked
/// FromServices so that binding never falls back to reading the body, which the formats read themselves.
/// </summary>
public sealed record PredictDependencies(
    [FromServices] ModelCache Cache,
    [FromServices] VersionResolver Versions,
    [FromServices] PredictionSlots Slots,
    [FromServices] PredictionLog Log,
    [FromServices] PredictionMetrics Metrics,
    [FromServices] IOptions<RequestOptions> Options,
    [FromServices] DataCapture Capture);
