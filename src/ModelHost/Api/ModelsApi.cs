using Microsoft.AspNetCore.Http.HttpResults;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Caching.ResponseCache;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api;

/// <summary>What is loaded (<c>GET /models</c>) and what one model takes and returns (<c>GET /models/{id}</c>).</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/models").WithTags("Models");
        models.MapGet("/", ListLoaded).WithName("ListLoadedModels").WithSummary("Models in memory, the budget and the bytes in use.");
        models.MapGet("/{id}", (string id, [AsParameters] ModelDescriptionServices services, CancellationToken cancellationToken) =>
                DescribeAsync(id, null, services, cancellationToken))
            .WithName("DescribeModel").WithSummary("Inputs, outputs and versions of the version unpinned callers get by default (loads it), and its rollout.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id}/versions/{version}", (string id, string version, [AsParameters] ModelDescriptionServices services, CancellationToken cancellationToken) =>
                DescribeAsync(id, version, services, cancellationToken))
            .WithName("DescribeModelVersion").WithSummary("Inputs, outputs and versions of one model version (loads it).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<CacheDescription> ListLoaded(ModelCache cache, ResponseCache responses)
    {
        var snapshot = cache.Snapshot();
        var models = snapshot.Models
            .Select(model => new LoadedModelSummary(
                model.Ref.Id, model.Ref.Version, model.FileBytes, model.ChargeBytes, model.Charge.MeasuredBytes, model.Hits, model.LoadedAt, model.LastUsed,
                model.Confidence?.Read()))
            .ToArray();
        var memory = new ProcessMemoryDescription(
            snapshot.ResidentBytes,
            snapshot.BaseResidentBytes,
            snapshot.BaseResidentBytes + snapshot.BudgetBytes,
            snapshot.NativeAllocatedBytes,
            snapshot.ManagedHeapBytes,
            snapshot.LoadsPastResidentLimit);
        return TypedResults.Ok(new CacheDescription(
            snapshot.BudgetBytes, snapshot.Budget.Source, snapshot.UsedBytes, memory,
            snapshot.Hits, snapshot.Misses, snapshot.Loads, snapshot.FailedLoads, snapshot.Evictions, models,
            responses.LimitBytes == 0 ? null : new ResponseCacheDescription(responses.LimitBytes, responses.UsedBytes, responses.Entries)));
    }

    private static async Task<Ok<ModelDescription>> DescribeAsync(string id, string? version, ModelDescriptionServices services, CancellationToken cancellationToken)
    {
        using var lease = await services.Lookup.AcquireAsync(id, version, cancellationToken);
        var available = await services.Versions.ListAsync(id, cancellationToken);
        var rollout = await services.Rollouts.DescribeAsync(id, cancellationToken);
        var signature = lease.Model.Signature;
        return TypedResults.Ok(new ModelDescription(
            id, lease.Ref.Version, available.ToArray(), Describe(signature.Inputs), DescribeOutputs(signature),
            signature.SkippedOutputs.ToArray(), lease.Model.Labels?.ScoresOutput, lease.Model.Confidence?.Read(),
            services.Selector.Unloadable(id), rollout));
    }

    // A sequence's or map's datatype is its ONNX type.
    private static TensorDescription[] DescribeOutputs(ModelSignature signature) =>
        signature.SelectOutputs(Describe, structured => new TensorDescription(structured.Name, structured.TypeName, structured.Shape, [""])).ToArray();

    private static TensorDescription[] Describe(IEnumerable<TensorSignature> tensors) => tensors.Select(Describe).ToArray();

    private static TensorDescription Describe(TensorSignature tensor) => new(tensor.Name, tensor.DataType, tensor.Shape, tensor.DimensionNames);
}
