using System.Net;
using System.Text;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

/// <summary>Requests of Triton's binary tensor data extension whose header, sizes or bytes do not fit get a 400 saying which and what was expected.</summary>
public sealed class BinaryExtensionErrorTests : IClassFixture<BinaryExtensionErrorTests.Host>
{
    private const string Mlp = """{"inputs":[{"name":"x","shape":[1,4],"datatype":"FP32","parameters":{"binary_data_size":SIZE}}]}""";
    private readonly Host _host;

    public BinaryExtensionErrorTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public Host()
        {
            App.AddModel("mlp", 1, TestModelFactory.Mlp(4, 8, 3));
            App.AddModel("types", 1, TestModelFactory.AllTypes());
        }

        public ModelHostApp App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    public static TheoryData<string, string, int, string?, string> Requests => new()
    {
        // model, JSON header, binary bytes after it, Inference-Header-Content-Length ("json": the header's true length), fragment of the error
        { "mlp", Mlp.Replace("SIZE", "16"), 16, "abc", "Inference-Header-Content-Length header is 'abc'; expected the length in bytes" },
        { "mlp", Mlp.Replace("SIZE", "16"), 16, "-5", "header is '-5'" },
        { "mlp", Mlp.Replace("SIZE", "16"), 16, "100000", "says the JSON header is 100000 bytes, but the whole body is" },
        { "mlp", Mlp.Replace("SIZE", "16"), 16, "0", "raw binary request without a JSON header" },
        { "mlp", Mlp.Replace("SIZE", "16"), 16, null, "If binary tensor data follows the JSON, the Inference-Header-Content-Length header must give" },
        { "mlp", Mlp.Replace("SIZE", "12"), 12, "json", "binary_data_size 12, but its shape [1, 4] of FP32 needs 4 × 4 = 16 bytes" },
        { "mlp", Mlp.Replace("SIZE", "16"), 20, "json", "4 bytes of binary data beyond the binary_data_size of its inputs" },
        { "mlp", Mlp.Replace("SIZE", "16"), 8, "json", "binary_data_size 16, but only 8 bytes of binary data are left" },
        { "mlp", Mlp.Replace("SIZE", "-1"), 0, "json", "binary_data_size -1; expected its size in bytes" },
        { "mlp", Mlp.Replace("}}]", "},\"data\":[1,2,3,4]}]").Replace("SIZE", "16"), 16, "json", "both \"data\" and a binary_data_size" },
        { "mlp", Mlp.Replace("SIZE", "16").Replace("]}", "],\"outputs\":[{\"name\":\"y\",\"parameters\":{\"binary_data\":\"yes\"}}]}"), 16, "json", "binary_data that is \"yes\"; expected true or false" },
        { "types", """{"inputs":[{"name":"in_string","shape":[1,2],"datatype":"BYTES","parameters":{"binary_data_size":9}}]}""", -1, "json", "ends inside element in_string[0][1]" },
        { "types", """{"inputs":[{"name":"in_string","shape":[1,2],"datatype":"BYTES","parameters":{"binary_data_size":4}}]}""", 4, "json", "has shape [1, 2], 2 elements, but its binary data is 4 bytes; each element needs at least 4" },
        { "types", """{"inputs":[{"name":"in_bool","shape":[1,2],"datatype":"BOOL","parameters":{"binary_data_size":2}}]}""", -2, "json", "in_bool[0][1] is the byte 2; a BOOL element is 0 or 1" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Infer_BinaryRequestThatDoesNotFit_Gets400SayingWhat(string model, string json, int binaryBytes, string? headerLength, string error)
    {
        var header = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{model}/infer") { Content = new ByteArrayContent([.. header, .. Binary(binaryBytes)]) };
        if (headerLength is not null)
        {
            request.Headers.Add("Inference-Header-Content-Length", headerLength == "json" ? header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : headerLength);
        }

        var response = await _host.App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(error, (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    // -1: a BYTES tensor of two elements whose second length runs past the end; -2: BOOL bytes 1 and 2; else that many float bytes.
    private static byte[] Binary(int kind) => kind switch
    {
        -1 => [1, 0, 0, 0, (byte)'a', 9, 0, 0, 0],
        -2 => [1, 2],
        _ => new byte[kind],
    };
}
