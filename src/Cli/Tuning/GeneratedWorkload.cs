using MultiModel.Cli.Validation;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// A workload when none is given: every model of the store (its highest version, as a request without one gets), in
/// equal shares, with inputs made from its signature as <c>validate</c> makes them (<see cref="GeneratedInputs"/>).
/// Each model is loaded once here, in this process, only to read its signature.
/// </summary>
internal static class GeneratedWorkload
{
    private const int InputsPerModel = 4;

    public static async Task<Workload> CreateAsync(IModelStore store, string location, TimeProvider time, CancellationToken cancellationToken)
    {
        var ids = await store.ListModelsAsync(cancellationToken);
        if (ids.Count == 0)
        {
            throw new TuningException($"The store {location} has no model to make a workload from; expected {{root}}/{{id}}/{{version}}/model.onnx, or give --workload FILE.");
        }

        using var sessionOptions = SessionOptionsFactory.Create(new InferenceOptions());
        var measurer = new ModelMeasurer(sessionOptions, new ModelCacheOptions(), time);
        var requests = new List<WorkloadRequest>();
        foreach (var id in ids)
        {
            var versions = await store.ListVersionsAsync(id, cancellationToken);
            if (versions.Count == 0)
            {
                continue; // a folder with no servable version: a request for it would be a 404, not a load
            }

            using var model = await measurer.LoadAsync(store, new ModelRef(id, versions[^1]), cancellationToken);
            requests.AddRange(GeneratedInputs.Create(model.Signature, InputsPerModel)
                .Select(input => new WorkloadRequest(id, null, input.Request, 1.0 / InputsPerModel)));
        }

        return requests.Count > 0 ? new Workload($"generated: {ids.Count} models of {location} in equal shares", requests)
            : throw new TuningException($"No model of {location} has a servable version (model.onnx under a numbered folder); give --workload FILE.");
    }
}
