namespace MultiModel.Router;

/// <summary>The Open Inference Protocol's server metadata (<c>GET /v2</c>).</summary>
public sealed record OpenInferenceServerMetadata(string Name, string Version, IReadOnlyList<string> Extensions);
