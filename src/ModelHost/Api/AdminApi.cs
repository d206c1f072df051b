using Microsoft.AspNetCore.Http.HttpResults;

namespace MultiModel.ModelHost.Api;

/// <summary><c>POST /admin/prewarm</c>: load models ahead of traffic, e.g. from a scheduled warm-up.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/prewarm", PrewarmAsync)
            .WithTags("Admin")
            .WithName("Prewarm")
            .WithSummary("Loads the named models (ids or id/version) into the cache and reports each outcome.");
        return app;
    }

    private static async Task<Results<Ok<PrewarmOutcome[]>, ProblemHttpResult>> PrewarmAsync(PrewarmRequest? request, Prewarmer prewarmer, CancellationToken cancellationToken)
    {
        if (request?.Models is not { Length: > 0 } models)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid input",
                detail: "Expected a body like {\"models\": [\"iris\", \"house-price/1\"]}.");
        }

        return TypedResults.Ok((await prewarmer.PrewarmAsync(models, cancellationToken)).ToArray());
    }
}

public sealed record PrewarmRequest(string[]? Models);
