namespace MultiModel.ModelHostProcess;

/// <summary>A model written to a store for a memory workload, with the inputs sent to it and what a direct run answers.</summary>
/// <param name="FileBytes">Its files' size: the model and, for an external-data model, its weights file.</param>
/// <param name="Expected">Per request variant (same order as <see cref="MemoryWorkload.Inputs"/>), the direct run's output.</param>
public sealed record WorkloadModel(string Id, long FileBytes, bool ExternalData, float[][] Expected);
