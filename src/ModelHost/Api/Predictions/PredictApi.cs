using Microsoft.AspNetCore.Mvc;
using MultiModel.ModelHost.Api.Formats;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary><c>POST /models/{id}/predict</c> and its version-pinned twin, in our own format.</summary>
public static class PredictApi
{
    public static IEndpointRouteBuilder MapPredictApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/models").WithTags("Prediction");
        models.MapPost("/{id}/predict", (string id, HttpContext context, [FromServices] PredictionPipeline pipeline) =>
                pipeline.ServeAsync(context, id, null, PredictionFormats.Native))
            .WithName("Predict")
            .WithSummary("Runs the highest version of a model on the given inputs.")
            .DescribePrediction();
        models.MapPost("/{id}/versions/{version}/predict", (string id, string version, HttpContext context, [FromServices] PredictionPipeline pipeline) =>
                pipeline.ServeAsync(context, id, version, PredictionFormats.Native))
            .WithName("PredictVersion")
            .WithSummary("Runs one pinned version of a model on the given inputs.")
            .DescribePrediction();
        return app;
    }
}
