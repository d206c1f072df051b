using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MultiModel.ModelHost.Api;

/// <summary>Adds the request body of endpoints marked with <see cref="JsonRequestBodyMetadata"/> to the OpenAPI document.</summary>
internal sealed class JsonRequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBodyMetadata>().FirstOrDefault() is not { } body)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.BodyType, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}
