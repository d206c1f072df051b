using Microsoft.AspNetCore.Http.HttpResults;
using MultiModel.Router.Forwarding;
using MultiModel.Router.Health;
using MultiModel.Router.Rules;
using MultiModel.ServiceDefaults;

namespace MultiModel.Router;

/// <summary>
/// The Open Inference Protocol's server-level routes, which Triton and KServe clients call before their first
/// inference: liveness and readiness (the router's own), server metadata (naming the router), and the repository
/// index. The per-model <c>/v2/models/{id}/**</c> routes are forwarded by <see cref="RouterApi"/>.
/// </summary>
public static class OpenInferenceApi
{
    public const string ServerName = "multimodel-router";

    // What a ModelHost serves per model, all of it under /v2/models/{id}/**, which the router forwards whole.
    private static readonly string[] Extensions = ["binary_tensor_data", "model_configuration", "statistics"];

    public static IEndpointRouteBuilder MapOpenInferenceApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in OpenInferenceHealthWriter.Responses.Prefixes)
        {
            app.MapHealthEndpoints(prefix, OpenInferenceHealthWriter.Responses);
        }

        var v2 = app.MapGroup("/v2");
        v2.MapGet("/", () => TypedResults.Ok(new OpenInferenceServerMetadata(
            ServerName, typeof(OpenInferenceApi).Assembly.GetName().Version?.ToString() ?? "1.0.0", Extensions)));
        v2.MapPost("/repository/index", IndexAsync);
        return app;
    }

    /// <summary>
    /// The router has no index of its own: its models are spread over the targets its rules name, and merging their
    /// listings would turn one request into a call to every target. Router:DefaultTarget is the one host that stands
    /// for "the rest", so the request goes there; without one, a 404 that says so rather than an empty list, which a
    /// client would read as "no models".
    /// </summary>
    private static async Task<IResult> IndexAsync(HttpContext context, DefaultRule defaultRule, ModelForwarder forwarder) =>
        defaultRule.Rule is { } rule
            ? await forwarder.ForwardAsync(context, "(repository index)", rule)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No fleet-wide repository index",
                detail: "The router has no fleet-wide repository index: models live on the targets its rules name (GET /router/rules), " +
                    "and it does not merge their listings. Set Router:DefaultTarget to forward this request to that host, or ask a host directly.",
                extensions: new Dictionary<string, object?> { ["rule"] = null, ["target"] = null });
}
