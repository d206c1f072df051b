using System.Net;
using System.Text;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>
/// A body is read and checked before its model is acquired: a malformed one for a model that is not loaded gets its
/// 400 without the load; what only the model can say (input names, types, shapes) is checked once it is loaded.
/// </summary>
public sealed class BodyBeforeModelTests : IDisposable
{
    private readonly ModelHostApp _app = new();
    private readonly HttpClient _client;

    public BodyBeforeModelTests()
    {
        _app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 3, 2));
        _client = _app.CreateClient();
    }

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        // path, body, fragment of the detail
        { "/models/mlp/predict", """{"inputs": {"x": [[1, 2]]""", "not valid JSON" },
        { "/models/mlp/predict", """{"inputs": {"x": [[1, 2]]}} {}""", "not valid JSON" },
        { "/models/mlp/predict", """{"inputs": [[1, 2]]}""", "\"inputs\" object" },
        { "/models/mlp/predict", """{"inputs": {"x": [[1, 2]], "x": [[3, 4]]}}""", "Duplicate key 'x'" },
        { "/models/mlp/predict", """{"inputs": {"x": [[1, 2]]}, "extra": {"a": 1, "a": 2}}""", "Duplicate key 'a'" },
        { "/models/mlp/predict", """{"inputs": {"x": {"shape": [1, -2], "data": [1, 2]}}}""", "expected a non-negative integer" },
        { "/models/mlp/predict", """{"inputs": {"x": {"shape": [1, 2], "data": 3}}}""", "\"data\" that is not an array" },
        { "/models/mlp/predict", """{"inputs": {"x": [[1, 2]]}, "outputs": "y"}""", "array of output names" },
        { "/v2/models/mlp/infer", """{"inputs": [{"name": "x", "shape": [1, 2], "data": [1, 2]}]}""", "needs a \"datatype\"" },
        { "/v2/models/mlp/infer", """{"inputs": [{"name": "x", "datatype": "FP32", "data": [1, 2]}]}""", "without \"shape\" and \"data\"" },
        { "/v2/models/mlp/infer", """{"inputs": [{"name": "x", "shape": [1, 2], "datatype": "FP32", "parameters": {"binary_data_size": 8}}]}""", "no Inference-Header-Content-Length" },
        { "/v2/models/mlp/infer", """{"inputs": [{"name": "x", "shape": [1, 2], "datatype": "FP32", "data": [1, 2]}], "outputs": [{"name": "y", "parameters": {"binary_data": 1}}]}""", "expected true or false" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Predict_MalformedBodyForAColdModel_Gets400WithoutLoadingIt(string path, string body, string detail)
    {
        var response = await _client.PostWithoutContentTypeOrJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Contains(detail, (error.TryGetProperty("detail", out var problem) ? problem : error.GetProperty("error")).GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Store.FetchCount("mlp"));

        Assert.Equal(HttpStatusCode.OK, (await _client.PredictRawAsync("/models/mlp/predict", """{"inputs": {"x": [[1, 2]]}}""")).StatusCode);
        Assert.Equal(1, _app.Store.FetchCount("mlp"));
    }

    [Fact]
    public async Task Predict_MalformedBodyForAPinnedVersionThatDoesNotExist_Gets404WithoutALoad()
    {
        var response = await _client.PredictRawAsync("/models/mlp/versions/7/predict", """{"inputs": {"x": [[1, 2]]""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("version 7 does not exist", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Store.TotalFetches);
    }

    [Fact]
    public async Task Predict_MalformedBodyForAPinnedVersionThatExists_Gets400WithoutALoad()
    {
        var response = await _client.PredictRawAsync("/models/mlp/versions/1/predict", """{"inputs": {"x": [[1, 2]]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _app.Store.TotalFetches);
    }

    [Fact]
    public async Task Predict_InvalidUtf8AnywhereInTheBody_Gets400WithoutLoadingTheModel()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"inputs": {"x": [[1, 2]]}, "note": "BAD"}""").AsSpan();
        var at = bytes.IndexOf("BAD"u8);
        byte[] invalid = [.. bytes[..at], 0xC3, 0x28, .. bytes[(at + 3)..]];

        var response = await _client.PredictRawAsync("/models/mlp/predict", invalid);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Store.FetchCount("mlp"));
    }

    [Theory]
    [InlineData("""{"inputs": {"nope": [[1, 2]]}}""", "no input 'nope'")]
    [InlineData("""{"inputs": {"x": [[1, 2, 3]]}}""", "size 3 in dimension 1")]
    [InlineData("""{"inputs": {"x": [[1, 2], [3]]}}""", "not rectangular at x[1]")]
    [InlineData("""{"inputs": {"x": [["a", 2]]}}""", "x[0][0] is the string \"a\"")]
    public async Task Predict_BodyThatOnlyTheModelCanRefuse_IsRefusedOnceLoaded(string body, string detail)
    {
        var response = await _client.PredictRawAsync("/models/mlp/predict", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, _app.Store.FetchCount("mlp"));
    }
}
