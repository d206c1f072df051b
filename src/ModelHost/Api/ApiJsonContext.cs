using System.Text.Json;
using System.Text.Json.Serialization;
using MultiModel.ModelHost.Api.OpenInference;

namespace MultiModel.ModelHost.Api;

/// <summary>Serializer metadata for the API's own types, generated at compile time so first requests skip reflection (cold start).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LiveStatus))]
[JsonSerializable(typeof(ReadyStatus))]
[JsonSerializable(typeof(CacheDescription))]
[JsonSerializable(typeof(ModelDescription))]
[JsonSerializable(typeof(PrewarmRequest))]
[JsonSerializable(typeof(PrewarmOutcome[]))]
[JsonSerializable(typeof(OpenInferenceServerMetadata))]
[JsonSerializable(typeof(OpenInferenceModelMetadata))]
[JsonSerializable(typeof(OpenInferenceModelReady))]
[JsonSerializable(typeof(TritonModelConfig))]
[JsonSerializable(typeof(TritonIndexEntry[]))]
[JsonSerializable(typeof(TritonStatisticsResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
