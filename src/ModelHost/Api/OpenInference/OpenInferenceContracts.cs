namespace MultiModel.ModelHost.Api.OpenInference;

// Response shapes of the Open Inference Protocol (KServe V2) REST endpoints; snake_case names are the protocol's.

public sealed record OpenInferenceServerMetadata(string Name, string Version, string[] Extensions);

public sealed record OpenInferenceTensorMetadata(string Name, string Datatype, long[] Shape);

public sealed record OpenInferenceModelMetadata(
    string Name, string[] Versions, string Platform, OpenInferenceTensorMetadata[] Inputs, OpenInferenceTensorMetadata[] Outputs);

public sealed record OpenInferenceModelReady(string Name, bool Ready);
