namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>What the OpenAPI document says of every prediction endpoint, whatever its format.</summary>
internal static class PredictionEndpointMetadata
{
    // The pipeline streams its own JSON, so the OpenAPI document learns the body shapes from these. Not Accepts<T>():
    // routing would then answer a wrong content type with a bare 415 before the pipeline could say what was expected.
    public static RouteHandlerBuilder DescribePrediction(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new JsonRequestBodyMetadata(typeof(PredictionRequestBody)))
        .Produces<PredictionResponseBody>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .ProducesProblem(StatusCodes.Status507InsufficientStorage);
}
