namespace MultiModel.Deploy.Infrastructure.Gateway;

/// <summary>
/// What the REST API lets through, resource by resource: the apps' per-model routes, native and Open Inference, and the
/// protocol's server metadata. Health, metrics, /admin and the repository's load and unload are not on it: they are
/// for operators, who reach a function by its own URL. A prediction route names the schema its body is checked against.
/// </summary>
internal static class ApiRoutes
{
    public sealed record Route(string Method, string Path, string? BodySchema = null);

    public static IReadOnlyList<Route> All { get; } =
    [
        new("GET", "/models/{id}"),
        new("POST", "/models/{id}/predict", RequestSchemas.NativePredict),
        new("GET", "/models/{id}/versions/{version}"),
        new("POST", "/models/{id}/versions/{version}/predict", RequestSchemas.NativePredict),
        new("GET", "/v2"),
        .. OpenInferenceModelRoutes("/v2/models/{name}"),
        .. OpenInferenceModelRoutes("/v2/models/{name}/versions/{version}"),
    ];

    private static IEnumerable<Route> OpenInferenceModelRoutes(string prefix) =>
    [
        new("GET", prefix),
        new("GET", prefix + "/ready"),
        new("GET", prefix + "/config"),
        new("GET", prefix + "/stats"),
        new("POST", prefix + "/infer", RequestSchemas.OpenInference),
    ];
}
