using System.Net;
using System.Text;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>JSON text that System.Text.Json reads without complaint until asked for a string: invalid UTF-8, and keys given twice.</summary>
public sealed class JsonTextTests : IDisposable
{
    private readonly ModelHostApp _app = new();

    public JsonTextTests()
    {
        _app.AddModel("types", 1, TestModelFactory.AllTypes());
        _app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 3, 2));
    }

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/models/types/predict", """{"inputs": {"in_string": [["BAD", "b"]]}}""")]
    [InlineData("/models/types/predict", """{"inputs": {"in_BAD": [[1, 2]]}}""")]
    [InlineData("/v2/models/types/infer", """{"inputs": [{"name": "in_string", "shape": [1, 2], "datatype": "BYTES", "data": ["a", "BAD"]}]}""")]
    [InlineData("/v2/models/types/infer", """{"inputs": [{"name": "in_BAD", "shape": [1, 2], "datatype": "FP32", "data": [1, 2]}]}""")]
    public async Task Predict_InvalidUtf8InAStringOrName_Gets400(string path, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body).AsSpan();
        var at = bytes.IndexOf("BAD"u8);
        byte[] invalid = [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[(at + 3)..]]; // a lead byte without its continuation, and a byte UTF-8 never uses

        var response = await _app.CreateClient().PredictRawAsync(path, invalid);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/models/mlp/predict", """{"inputs": {"x": [[1, 2]]}, "inputs": {"x": [[3, 4]]}}""", "inputs")]
    [InlineData("/models/mlp/predict", """{"inputs": {"x": [[1, 2]], "x": [[3, 4]]}}""", "x")]
    [InlineData("/v2/models/mlp/infer", """{"inputs": [{"name": "x", "shape": [1, 2], "shape": [2, 1], "datatype": "FP32", "data": [1, 2]}]}""", "shape")]
    public async Task Predict_KeyGivenTwice_Gets400NamingIt(string path, string body, string key)
    {
        var response = await _app.CreateClient().PredictRawAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("uplicate", detail, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", detail, StringComparison.Ordinal);
    }
}
