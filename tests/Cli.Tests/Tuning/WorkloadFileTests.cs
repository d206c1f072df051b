using System.Text;
using System.Text.Json;
using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Tests.Tuning;

public sealed class WorkloadFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"workload-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_RequestsAndACaptureRecord_ReplaysTheCapturedInputsAsARequest()
    {
        File.WriteAllLines(_path,
        [
            """{"model": "iris", "body": {"inputs": {"features": [[5.1, 3.5, 1.4, 0.2]]}}, "weight": 3}""",
            "",
            """{"model": "house-price", "version": 1, "body": {"inputs": {"x": [1]}}}""",
            """{"requestId": "r1", "time": "2026-12-01T00:00:00Z", "model": "iris", "version": 2, "inputs": [{"name": "features", "datatype": "FP32", "shape": [1, 4], "data": [5.1, 3.5, 1.4, 0.2]}], "status": 200}""",
        ]);

        var workload = WorkloadFile.Read(_path);

        Assert.Equal(3, workload.Requests.Count);
        Assert.Equal((3.0, "/models/iris/predict"), (workload.Requests[0].Weight, workload.Requests[0].Path));
        Assert.Equal((1.0, "/models/house-price/versions/1/predict"), (workload.Requests[1].Weight, workload.Requests[1].Path));
        var captured = JsonDocument.Parse(workload.Requests[2].Body).RootElement.GetProperty("inputs").GetProperty("features");
        Assert.Equal("[1,4]", captured.GetProperty("shape").GetRawText());
        Assert.Equal("[5.1,3.5,1.4,0.2]", captured.GetProperty("data").GetRawText());
        Assert.Equal(["house-price", "iris"], workload.ModelIds);
    }

    [Theory]
    [InlineData("not json", "line 1: not JSON")]
    [InlineData("[1, 2]", "line 1: expected a JSON object")]
    [InlineData("""{"body": {}}""", "line 1: no \"model\"; expected the model id as a string")]
    [InlineData("""{"model": "../etc", "body": {}}""", "\"../etc\" is not a valid model id; expected 1 to 128 letters")]
    [InlineData("""{"model": "iris"}""", "line 1: neither \"body\"")]
    [InlineData("""{"model": "iris", "body": {}, "weight": -1}""", "\"weight\" is -1; expected a positive number")]
    [InlineData("""{"model": "iris", "body": {}, "version": "two"}""", "\"version\" is \"two\"; expected a positive whole number")]
    [InlineData("""{"model": "iris", "inputs": [{"name": "email", "datatype": "BYTES", "shape": [1], "sha256": ["ab"]}]}""", "the captured input 'email' has no data (redacted or hashed when captured)")]
    public void Read_BadLine_SaysWhichLineWhatWasWrongAndWhatWasExpected(string line, string expected)
    {
        File.WriteAllText(_path, line + "\n", Encoding.UTF8);

        var error = Assert.Throws<TuningException>(() => WorkloadFile.Read(_path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_SameSeed_SameRequestsInProportionToTheirWeights()
    {
        var workload = new Workload("test", [new WorkloadRequest("a", null, [], 3), new WorkloadRequest("b", null, [], 1)]);

        var drawn = workload.Draw(4000, seed: 5);

        Assert.Equal(drawn.Select(request => request.ModelId), workload.Draw(4000, seed: 5).Select(request => request.ModelId));
        Assert.InRange(drawn.Count(request => request.ModelId == "a") / 4000.0, 0.72, 0.78);
    }
}
