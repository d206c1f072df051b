using System.Text.Json.Nodes;
using MultiModel.Deploy.Infrastructure.Gateway;
using NJsonSchema;

namespace MultiModel.Deploy.Tests.Gateway;

/// <summary>
/// The REST API's request models, read from the synthesized template, run by a real JSON Schema validator (NJsonSchema,
/// draft 4 as API Gateway reads it): every request the host serves passes, so the edge never refuses a valid one, and the
/// malformed envelopes the host would refuse with a 400 fail there first.
/// </summary>
public sealed class RequestSchemaTests
{
    public static TheoryData<string> ValidNative =>
    [
        """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}}""",
        """{"inputs": {"features": {"shape": [1, 4], "data": [5.1, 3.5, 1.4, 0.2]}}, "outputs": ["Score.output"]}""",
        """{"inputs": {"x": 3.5, "flag": true, "text": ["a", "b"], "f": ["NaN", "Infinity"]}}""",
        """{"inputs": {"features": [[1, 2, 3, 4]]}, "outputs": [], "comment": "keys the host ignores pass"}""",
    ];

    public static TheoryData<string> MalformedNative =>
    [
        """{"input": {"features": [[5.1, 3.5, 1.4, 0.2]]}}""",
        """{"inputs": [[5.1, 3.5, 1.4, 0.2]]}""",
        """{"inputs": {"features": [[1, 2, 3, 4]]}, "outputs": "Score.output"}""",
        """{"inputs": {"features": [[1, 2, 3, 4]]}, "outputs": [{"name": "Score.output"}]}""",
        """[{"features": [1, 2, 3, 4]}]""",
        "\"inputs\"",
    ];

    public static TheoryData<string> ValidOpenInference =>
    [
        """{"inputs": [{"name": "features", "shape": [2, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2, 6.3, 3.3, 6.0, 2.5]}]}""",
        """{"id": "42", "inputs": [{"name": "features", "shape": [1, 4], "datatype": "FP32", "data": [[5.1, 3.5, 1.4, 0.2]]}], "outputs": [{"name": "Score.output"}]}""",
        // Triton's Python client: binary_data parameters on outputs, the request's binary_data_output.
        """{"inputs": [{"name": "INPUT0", "shape": [1, 16], "datatype": "INT32", "data": [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}], "outputs": [{"name": "OUTPUT0", "parameters": {"binary_data": true}}], "parameters": {"binary_data_output": false}}""",
        // KServe's client: parameters with a content type, a BYTES tensor, a scalar shape.
        """{"inputs": [{"name": "text", "shape": [1], "datatype": "BYTES", "data": ["hello"], "parameters": {"content_type": "str"}}]}""",
        """{"inputs": [{"name": "x", "shape": [], "datatype": "FP64", "data": [1.5]}], "id": 7, "parameters": "ignored by the host"}""",
    ];

    public static TheoryData<string> MalformedOpenInference =>
    [
        """{"inputs": {"features": [5.1, 3.5, 1.4, 0.2]}}""",
        """{"inputs": [{"shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""",
        """{"inputs": [{"name": "features", "shape": [1, 4], "data": [5.1, 3.5, 1.4, 0.2]}]}""",
        """{"inputs": [{"name": "features", "shape": [1, -4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""",
        """{"inputs": [{"name": 7, "shape": [1, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2]}]}""",
        """{"inputs": [{"name": "features", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}], "outputs": ["Score.output"]}""",
        """{"outputs": [{"name": "Score.output"}]}""",
    ];

    [Theory]
    [MemberData(nameof(ValidNative))]
    public async Task NativeSchema_RequestTheHostServes_Passes(string body) =>
        Assert.Empty((await SchemaAsync(RequestSchemas.NativePredict)).Validate(body));

    [Theory]
    [MemberData(nameof(MalformedNative))]
    public async Task NativeSchema_MalformedEnvelope_Fails(string body) =>
        Assert.NotEmpty((await SchemaAsync(RequestSchemas.NativePredict)).Validate(body));

    [Theory]
    [MemberData(nameof(ValidOpenInference))]
    public async Task OpenInferenceSchema_RequestTheHostServes_Passes(string body) =>
        Assert.Empty((await SchemaAsync(RequestSchemas.OpenInference)).Validate(body));

    [Theory]
    [MemberData(nameof(MalformedOpenInference))]
    public async Task OpenInferenceSchema_MalformedEnvelope_Fails(string body) =>
        Assert.NotEmpty((await SchemaAsync(RequestSchemas.OpenInference)).Validate(body));

    /// <summary>The schema as the template carries it to API Gateway, found by the model's name (the schema's title).</summary>
    private static Task<JsonSchema> SchemaAsync(string file)
    {
        var name = RequestSchemas.Load(file)["title"]!.GetValue<string>();
        var model = Assert.Single(GatewayStacks.Example.OfType("AWS::ApiGateway::Model"), m => m.Properties["Name"]!.GetValue<string>() == name);
        return JsonSchema.FromJsonAsync(model.Properties["Schema"]!.ToJsonString());
    }
}
