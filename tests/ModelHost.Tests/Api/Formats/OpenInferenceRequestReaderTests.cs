using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Api.Formats.OpenInference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Tests.Api.Formats;

/// <summary>
/// An Open Inference Protocol request body read on its own, before any model is known. What its refusals mean for a
/// request (the 400 and its "error" field) is in OpenInferenceApiTests, BinaryExtensionErrorTests and BodyBeforeModelTests.
/// </summary>
public sealed class OpenInferenceRequestReaderTests
{
    private const string X = """{"name": "x", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}""";

    [Fact]
    public void Read_InputWithShapeDatatypeAndData_TheInputAsDeclaredAndTheRequestsId()
    {
        var request = Read($$"""{"id": "request-7", "inputs": [{{X}}]}""");

        var input = Assert.Single(request.Inputs);
        Assert.Equal(("x", "FP32", 3L), (input.Name, input.Datatype, input.Elements));
        Assert.Equal([1, 3], input.Shape);
        Assert.Equal("request-7", request.RequestId);
        Assert.Null(request.Outputs);
        Assert.Null(request.BinaryOutputs);
    }

    [Fact]
    public void Read_OutputsNamed_TheirNamesInTheOrderGiven()
    {
        var request = Read($$"""{"inputs": [{{X}}], "outputs": [{"name": "z"}, {"name": "y"}]}""");

        Assert.Equal(["z", "y"], request.Outputs);
    }

    [Fact]
    public void Read_BinaryDataSize_AnInputWithoutDataThatTakesThatManyBytes()
    {
        var input = Assert.Single(Read("""{"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "parameters": {"binary_data_size": 16}}]}""").Inputs);

        Assert.Equal((16L, 0L), (input.BinaryDataSize, input.Elements));
        Assert.Equal([1, 4], input.Shape);
    }

    [Fact]
    public void Read_BinaryDataOutputWithAnOutputsOwnFlag_EveryOutputBinaryButThatOne()
    {
        var request = Read($$$"""{"inputs": [{{{X}}}], "parameters": {"binary_data_output": true}, "outputs": [{"name": "y", "parameters": {"binary_data": false}}]}""");

        Assert.NotNull(request.BinaryOutputs);
        Assert.Equal((false, true), (request.BinaryOutputs.IsBinary("y"), request.BinaryOutputs.IsBinary("z")));
    }

    [Theory]
    [InlineData("""{"inputs": {"x": [[1, 2, 3]]}}""", "\"inputs\" array")]
    [InlineData("""{"inputs": "x"}""", "\"inputs\" array")]
    [InlineData("{}", "\"inputs\" array")]
    [InlineData("[]", "\"inputs\" array")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "data": [1, 2, 3]}]}""", "Input 'x' needs a \"datatype\"")]
    [InlineData("""{"inputs": [{"shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}]}""", "Every input needs a \"name\" string")]
    [InlineData("""{"inputs": [{"name": "x", "datatype": "FP32", "data": [1, 2]}]}""", "without \"shape\" and \"data\"")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "parameters": {"binary_data_size": -1}}]}""", "binary_data_size -1; expected its size in bytes")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4], "parameters": {"binary_data_size": 16}}]}""", "both \"data\" and a binary_data_size")]
    [InlineData("""{"inputs": [{"name": "x", "datatype": "FP32", "parameters": {"binary_data_size": 16}}]}""", "Input 'x' has binary data but no \"shape\"")]
    [InlineData("""{"inputs": [], "outputs": "y"}""", "\"outputs\" must be an array")]
    [InlineData("""{"inputs": [], "outputs": [{"name": "y", "parameters": {"binary_data": "yes"}}]}""", "binary_data that is \"yes\"; expected true or false")]
    [InlineData("""{"inputs": [], "outputs": [{"name": "y", "parameters": {"binary_data": 1}}]}""", "expected true or false")]
    [InlineData("""{"inputs": [], "parameters": {"binary_data_output": "true"}}""", "binary_data_output is \"true\"; expected true or false")]
    // Parameters of Triton extensions this server does not have: refused, as ignoring them would answer something else.
    [InlineData("""{"inputs": [], "outputs": [{"name": "y", "parameters": {"classification": 2}}]}""", "Output 'y' has the parameter classification of a Triton extension")]
    [InlineData("""{"inputs": [{"name": "x", "shape": [1, 3], "datatype": "FP32", "parameters": {"shared_memory_region": "r"}}]}""", "Input 'x' has the parameter shared_memory_region of a Triton extension")]
    public void Read_MalformedRequest_RefusedSayingWhatIsExpected(string body, string message)
    {
        var failure = Assert.Throws<InvalidInputException>(() => Read(body));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static ParsedRequest Read(string body)
    {
        var json = Encoding.UTF8.GetBytes(body);
        var reader = new Utf8JsonReader(json);
        using var offsets = new ElementOffsets();
        return OpenInferenceRequestReader.Read(ref reader, json, offsets);
    }
}
