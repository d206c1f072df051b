using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>Every kind of bad request gets a 4xx ProblemDetails naming the problem, and the host keeps serving.</summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.Host>
{
    private readonly Host _host;

    public BadInputTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public Host()
        {
            App = new ModelHostApp(new() { ["ModelHost:Requests:MaxBodyBytes"] = "65536" });
            App.AddModel("types", 1, TestModelFactory.AllTypes());
            App.AddModel("mlp", 1, TestModelFactory.Mlp(2, 3, 2));
            Client = App.CreateClient();
        }

        public ModelHostApp App { get; }
        public HttpClient Client { get; }

        public void Dispose() => App.Dispose();
    }

    public static TheoryData<string, string, string, int, string> Bodies => new()
    {
        // path, content type, body, expected status, fragment of the detail
        { "/models/types/predict", "application/json", """{"inputs": {"in_float": [[1, 2]""", 400, "not valid JSON" },
        { "/models/types/predict", "application/json", "", 400, "not valid JSON" },
        { "/models/types/predict", "application/json", "[1, 2]", 400, "\"inputs\" object" },
        { "/models/types/predict", "application/json", """{"inputs": [[1, 2]]}""", 400, "\"inputs\" object" },
        { "/models/types/predict", "application/json", Replace("in_nope", "[[1, 2]]", keep: true), 400, "no input 'in_nope'" },
        { "/models/types/predict", "application/json", Replace("in_int64", null), 400, "Missing input 'in_int64'" },
        { "/models/types/predict", "application/json", Replace("in_float", """[["a", 2]]"""), 400, "in_float[0][0] is the string \"a\"; expected a float32 number" },
        { "/models/types/predict", "application/json", Replace("in_float", "[[1, null]]"), 400, "in_float[0][1] is null" },
        { "/models/types/predict", "application/json", Replace("in_bool", "[[1, 0]]"), 400, "expected true or false" },
        { "/models/types/predict", "application/json", Replace("in_string", "[[1, 2]]"), 400, "expected a string" },
        { "/models/types/predict", "application/json", Replace("in_int32", """[["NaN", 1]]"""), 400, "expected an integer in the int32 range" },
        { "/models/types/predict", "application/json", Replace("in_int64", "[[1.5, 1]]"), 400, "in_int64[0][0] is 1.5; expected an integer" },
        { "/models/types/predict", "application/json", Replace("in_uint8", "[[256, 1]]"), 400, "in_uint8[0][0] is 256; expected an integer in the uint8 range" },
        { "/models/types/predict", "application/json", Replace("in_int8", "[[-129, 1]]"), 400, "int8 range" },
        { "/models/types/predict", "application/json", Replace("in_float", "[[1e39, 1]]"), 400, "is 1e39, outside the float32 range" },
        { "/models/types/predict", "application/json", Replace("in_float", "[1, 2]"), 400, "rank 1" },
        { "/models/types/predict", "application/json", Replace("in_float", "[[[1, 2]]]"), 400, "rank 3" },
        { "/models/types/predict", "application/json", Replace("in_fixed", "[1, 2]"), 400, "size 2 in dimension 0; the model expects shape [3]" },
        { "/models/types/predict", "application/json", Replace("in_float", "[[1, 2, 3]]"), 400, "size 3 in dimension 1" },
        { "/models/mlp/predict", "application/json", """{"inputs": {"x": [[1, 2], [3]]}}""", 400, "not rectangular at x[1]: expected an array of 2 elements" },
        { "/models/mlp/predict", "application/json", """{"inputs": {"x": [[], [3]]}}""", 400, "size 0 in dimension 1" },
        { "/models/types/predict", "application/json", Replace("in_float", "[[1, 2], [3, 4]]"), 400, "Dimension 'batch' is 2 in input 'in_float' but 1" },
        { "/models/types/predict", "application/json", Replace("in_scalar", "[1]"), 400, "rank 1" },
        { "/models/types/predict", "application/json", Replace("in_float", """{"shape": [1, 2], "data": [1]}"""), 400, "has 1 data elements but its shape [1, 2] needs 2" },
        { "/models/types/predict", "application/json", Replace("in_float", """{"shape": [1, -2], "data": []}"""), 400, "expected a non-negative integer" },
        { "/models/types/predict", "application/json", Replace("in_float", """{"data": [1, 2]}"""), 400, "without \"shape\" and \"data\"" },
        { "/models/types/predict", "application/json", """{"inputs": {}, "outputs": ["nope"]}""", 400, "Missing inputs" },
        { "/models/mlp/predict", "application/json", """{"inputs": {"x": [[1, 2]]}, "outputs": ["nope"]}""", 400, "no output 'nope'" },
        { "/models/mlp/predict", "application/json", """{"inputs": {"x": [[1, 2]], "x": [[1, 2]]}}""", 400, "Duplicate" },
        { "/models/mlp/predict", "application/json", Nested(10_000), 400, "depth" },
        { "/models/mlp/predict", "application/json", """{"inputs": {"x": [[1, 2]]}, "pad": """ + new string('1', 70_000) + "}", 413, "at most 65536 bytes" },
        { "/models/mlp/predict", "text/plain", """{"inputs": {"x": [[1, 2]]}}""", 415, "Content-Type: application/json" },
        { "/models/mlp/predict", "application/xml", "<x/>", 415, "application/xml" },
        { "/models/a..b/predict", "application/json", "{}", 400, "Model id 'a..b' is not valid" },
        { "/models/..%2F..%2Fetc/predict", "application/json", "{}", 400, "is not valid" },
        { "/models/%2Ftmp/predict", "application/json", "{}", 400, "is not valid" },
        { "/models/a%5Cb/predict", "application/json", "{}", 400, "is not valid" },
        { "/models/" + new string('a', 129) + "/predict", "application/json", "{}", 400, "is not valid" },
        { "/models/mlp/versions/abc/predict", "application/json", "{}", 400, "Version 'abc' is not valid" },
        { "/models/mlp/versions/0/predict", "application/json", "{}", 400, "positive integer" },
        { "/models/mlp/versions/-1/predict", "application/json", "{}", 400, "positive integer" },
        { "/models/unknown/predict", "application/json", "{}", 404, "Model 'unknown' does not exist" },
        { "/models/mlp/versions/99/predict", "application/json", "{}", 404, "version 99 does not exist" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Predict_BadRequest_GetsProblemDetailsAndHostKeepsServing(string path, string contentType, string body, int status, string detail)
    {
        var response = await _host.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var good = await _host.Client.PredictAsync("/models/types/predict", AllTypesRequest.Build());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData("in_float", "[[1e300, 1]]", "Element in_float[0][0] is 1e300, outside the float32 range (±3.4028235E+38).")]
    [InlineData("in_float", "[[1, -3.5e38]]", "Element in_float[0][1] is -3.5e38, outside the float32 range (±3.4028235E+38).")]
    [InlineData("in_double", "[[1e400, 1]]", "Element in_double[0][0] is 1e400, outside the float64 range (±1.7976931348623157E+308).")]
    public async Task Predict_NumberBeyondItsFloatType_SaysItIsOutOfRange(string input, string json, string detail)
    {
        var response = await _host.Client.PostAsync("/models/types/predict", new StringContent(Replace(input, json), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    private static string Replace(string input, string? json, bool keep = false)
    {
        var body = AllTypesRequest.Build(keep ? null : input, json is null ? null : JsonNode.Parse(json));
        if (keep)
        {
            body["inputs"]![input] = JsonNode.Parse(json!);
        }

        return body.ToJsonString();
    }

    private static string Nested(int depth) =>
        """{"inputs": {"x": """ + new string('[', depth) + new string(']', depth) + "}}";
}
