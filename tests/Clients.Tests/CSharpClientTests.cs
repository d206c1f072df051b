using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;

namespace MultiModel.Clients.Tests;

/// <summary>examples/clients/csharp against the real ModelHost on Kestrel: each route, each way of authenticating.</summary>
public sealed class CSharpClientTests(SampleHost host) : IClassFixture<SampleHost>
{
    private static readonly JsonObject IrisRows = new() { ["features"] = JsonNode.Parse("[[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]") };
    private static readonly float[] IrisValues = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];

    [Fact]
    public async Task PredictAsync_WithApiKey_SendsTheKeyAndGetsTheLabels()
    {
        var capture = new HeaderCapture();
        var client = MultiModelClient.WithApiKey(host.Address, "test-key", capture);

        var answer = await client.PredictAsync("iris", IrisRows);

        Assert.Equal(["setosa", "virginica"], answer["predictions"]!.AsArray().Select(p => p!["label"]!.GetValue<string>()));
        Assert.Equal("test-key", Assert.Single(capture.Sent)["x-api-key"]);
    }

    [Fact]
    public async Task InferBinaryAsync_SameTensorAsJson_SameScores()
    {
        var client = MultiModelClient.WithApiKey(host.Address, "test-key");

        var json = await client.InferAsync("iris", JsonNode.Parse("""[{"name": "features", "shape": [2, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2, 6.3, 3.3, 6.0, 2.5]}]""")!.AsArray());
        var binary = await client.InferBinaryAsync("iris", "features", [2, 4], IrisValues, "Score.output");

        var scores = json["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "Score.output")!["data"]!.AsArray().Select(v => v!.GetValue<float>());
        Assert.Equal(6, binary.Length);
        Assert.Equal(scores, binary);
    }

    [Fact]
    public async Task PredictAsync_WithSigV4_SignsForTheServiceAndRegionAndStillGetsAnAnswer()
    {
        var capture = new HeaderCapture();
        var client = MultiModelClient.WithSigV4(host.Address, "execute-api", RegionEndpoint.EUWest1, new BasicAWSCredentials("AKIDEXAMPLE", "secret"), capture);

        var answer = await client.PredictAsync("iris", IrisRows);

        Assert.Equal(2, answer["predictions"]!.AsArray().Count);
        var sent = Assert.Single(capture.Sent);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/eu-west-1/execute-api/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$", sent["Authorization"]);
        Assert.True(sent.ContainsKey("X-Amz-Date"));
    }

    [Fact]
    public async Task PredictAsync_WrongInputName_ThrowsTheProblemsDetail()
    {
        var client = MultiModelClient.WithApiKey(host.Address, "test-key");

        var error = await Assert.ThrowsAsync<MultiModelException>(() => client.PredictAsync("iris", new JsonObject { ["petals"] = JsonNode.Parse("[[1, 2, 3, 4]]") }));

        Assert.Equal(400, error.Status);
        Assert.Contains("petals", error.Detail, StringComparison.Ordinal);
    }
}
