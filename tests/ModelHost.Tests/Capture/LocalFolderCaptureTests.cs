using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Capture;

/// <summary>Data capture to a local folder, through the real host: what a record holds, where it goes, and what is lost when.</summary>
public sealed class LocalFolderCaptureTests : IDisposable
{
    private const string Section = DataCaptureOptions.SectionName;
    private readonly string _folder = Directory.CreateTempSubdirectory("modelhost-capture-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Capture_EveryPrediction_OneJsonLineEachWithRequestInputsAndOutputsUnderModelVersionAndHour()
    {
        using var app = App(new() { [$"{Section}:Models:mlp:SamplePercent"] = "100" });
        var model = TestModelFactory.Mlp(2, 4, 3, seed: 5);
        app.AddModel("mlp", 1, model);
        var client = app.CreateClient();
        var answers = new Dictionary<string, JsonElement>();
        for (var row = 0; row < 3; row++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/models/mlp/predict")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { inputs = new { x = new[] { new[] { row, 0.5f } } } }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Request-Id", $"capture-{row}");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers[$"capture-{row}"] = await response.JsonAsync();
        }

        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder, "*.jsonl", SearchOption.AllDirectories));
        var now = DateTime.UtcNow;
        var folder = Path.GetRelativePath(_folder, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '/');
        Assert.Matches($"^capture/mlp/1/{now:yyyy}/{now:MM}/{now:dd}/\\d\\d$", folder);
        Assert.Matches(@"^\d{8}T\d{9}Z-[0-9a-f]{32}\.jsonl$", Path.GetFileName(file));
        var records = File.ReadAllLines(file).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["capture-0", "capture-1", "capture-2"], records.Select(record => record.GetProperty("requestId").GetString()).Order());
        foreach (var record in records)
        {
            var requestId = record.GetProperty("requestId").GetString()!;
            var row = int.Parse(requestId["capture-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(("mlp", 1, 200), (record.GetProperty("model").GetString(), record.GetProperty("version").GetInt32(), record.GetProperty("status").GetInt32()));
            Assert.True(Math.Abs((record.GetProperty("time").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalMinutes) < 10);
            Assert.Equal([row, 0.5f], record.OutputFloats("x", "inputs"));
            Assert.Equal(answers[requestId].OutputFloats("y"), record.OutputFloats("y", "outputs"));
            Assert.Equal(DirectRun.Mlp(model, [row, 0.5f], 2), record.OutputFloats("y", "outputs"));
        }
    }

    [Fact]
    public async Task Capture_RedactedAndHashedInputs_NeverWrittenAsGiven()
    {
        using var app = App(new()
        {
            [$"{Section}:Models:types:SamplePercent"] = "100",
            [$"{Section}:Models:types:RedactInputs:0"] = "in_float",
            [$"{Section}:Models:types:HashInputs:0"] = "in_string",
            [$"{Section}:Models:types:HashInputs:1"] = "in_int64",
            [$"{Section}:Models:types:CaptureOutputs"] = "false",
        });
        app.AddModel("types", 1, TestModelFactory.AllTypes());

        var response = await app.CreateClient().PredictAsync("/models/types/predict", AllTypesRequest.Build());
        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = File.ReadAllText(Assert.Single(Directory.GetFiles(_folder, "*.jsonl", SearchOption.AllDirectories)));
        var record = JsonDocument.Parse(text).RootElement;
        var inputs = record.GetProperty("inputs").EnumerateArray().ToDictionary(input => input.GetProperty("name").GetString()!);
        Assert.Equal(10, inputs.Count);
        Assert.Equal("""{"name":"in_float","redacted":true}""", inputs["in_float"].GetRawText());
        Assert.Equal([Sha256("a"), Sha256("b")], inputs["in_string"].GetProperty("sha256").EnumerateArray().Select(hash => hash.GetString()));
        Assert.Equal([Sha256("1"), Sha256("2")], inputs["in_int64"].GetProperty("sha256").EnumerateArray().Select(hash => hash.GetString()));
        Assert.Equal("[1,2]", inputs["in_string"].GetProperty("shape").GetRawText());
        Assert.False(inputs["in_string"].TryGetProperty("data", out _));
        Assert.Equal([1.5f, 2.5f], record.OutputFloats("in_double", "inputs"));
        Assert.False(record.TryGetProperty("outputs", out _));
        Assert.DoesNotContain("\"b\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_HashKeySet_EveryHashedElementIsItsHmacUnderTheKeyNamedAsSuch()
    {
        const string key = "a-test-key-of-thirty-two-bytes!!";
        using var app = App(new()
        {
            [$"{Section}:HashKey"] = key,
            [$"{Section}:Models:types:SamplePercent"] = "100",
            [$"{Section}:Models:types:HashInputs:0"] = "in_string",
            [$"{Section}:Models:types:HashInputs:1"] = "in_int64",
        });
        app.AddModel("types", 1, TestModelFactory.AllTypes());

        var response = await app.CreateClient().PredictAsync("/models/types/predict", AllTypesRequest.Build());
        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = JsonDocument.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(_folder, "*.jsonl", SearchOption.AllDirectories)))).RootElement;
        var inputs = record.GetProperty("inputs").EnumerateArray().ToDictionary(input => input.GetProperty("name").GetString()!);
        Assert.Equal([Hmac(key, "a"), Hmac(key, "b")], inputs["in_string"].GetProperty("hmacSha256").EnumerateArray().Select(hash => hash.GetString()));
        Assert.Equal([Hmac(key, "1"), Hmac(key, "2")], inputs["in_int64"].GetProperty("hmacSha256").EnumerateArray().Select(hash => hash.GetString()));
        Assert.False(inputs["in_string"].TryGetProperty("sha256", out _)); // a keyed hash is never named as a plain one
        Assert.NotEqual(Sha256("a"), Hmac(key, "a"));
    }

    [Fact]
    public async Task Capture_DestinationFailing_PredictionsUnaffectedAndEveryRecordCountedAsDropped()
    {
        var blocked = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the capture folder should be");
        using var app = App(new() { [$"{Section}:Models:mlp:SamplePercent"] = "100", [$"{Section}:LocalFolder"] = blocked });
        var model = TestModelFactory.Mlp(2, 4, 3, seed: 5);
        app.AddModel("mlp", 1, model);
        using var metrics = new MetricRecorder(app.Services);
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var response = await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[1,2]]}}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(DirectRun.Mlp(model, [1, 2], 2), (await response.JsonAsync()).OutputFloats("y"));
        }

        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        var dropped = metrics.Of("multimodel.capture.dropped");
        Assert.Equal(5, dropped.Sum(measurement => measurement.Value));
        Assert.All(dropped, measurement => Assert.Equal(("mlp", "1"), (measurement.Tag("model.id"), measurement.Tag("model.version"))));
    }

    [Fact]
    public async Task Capture_BufferFull_DropsAndCountsTheRecordsThatFindNoRoom()
    {
        using var app = App(new() { [$"{Section}:Models:mlp:SamplePercent"] = "100", [$"{Section}:BufferRecords"] = "2" });
        app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 4, 3));
        using var metrics = new MetricRecorder(app.Services);
        var client = app.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[1,2]]}}""")).StatusCode);
        }

        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        Assert.Equal(4, metrics.Of("multimodel.capture.dropped").Sum(measurement => measurement.Value));
        Assert.Equal(2, File.ReadAllLines(Assert.Single(Directory.GetFiles(_folder, "*.jsonl", SearchOption.AllDirectories))).Length);
    }

    [Fact]
    public async Task Capture_FlushInterval_TheWriterWritesByItselfAndNothingIsLeftAfterStop()
    {
        var app = App(new() { [$"{Section}:Models:mlp:SamplePercent"] = "100", [$"{Section}:FlushInterval"] = "00:00:00.100" });
        app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 4, 3));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[1,2]]}}""")).StatusCode);
        var written = await Eventually.TrueAsync(() => CapturedLines() == 1);
        Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[3,4]]}}""")).StatusCode);
        app.Dispose(); // stopping the host writes what is buffered

        Assert.True(written, "the first record was not written within 10 s of a 100 ms flush interval");
        Assert.Equal(2, CapturedLines());
    }

    [Fact]
    public async Task Capture_FlushWithinRequest_EachSampledRequestWritesItsRecordWithoutWaitingForTheTimer()
    {
        // The timer's interval is ten minutes (App): a record seen within the test was written by its own request.
        using var app = App(new() { [$"{Section}:Models:mlp:SamplePercent"] = "100", [$"{Section}:FlushWithinRequest"] = "true" });
        app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 4, 3));
        var client = app.CreateClient();

        foreach (var expectedLines in (int[])[1, 2])
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[1,2]]}}""")).StatusCode);

            // Off Lambda the response is complete before the write begins, so the client may look a moment early.
            Assert.True(await Eventually.TrueAsync(() => CapturedLines() == expectedLines), $"{CapturedLines()} records written, not {expectedLines}");
        }
    }

    [Fact]
    public async Task Capture_ModelNotListed_NothingWritten()
    {
        using var app = App(new() { [$"{Section}:Models:other:SamplePercent"] = "100" });
        app.AddModel("mlp", 1, TestModelFactory.Mlp(2, 4, 3));

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PredictRawAsync("/models/mlp/predict", """{"inputs":{"x":[[1,2]]}}""")).StatusCode);
        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("LocalFolder", null, "SamplePercent", "10", "needs exactly one destination")]
    [InlineData("S3Bucket", "captures", "SamplePercent", "10", "needs exactly one destination")]
    [InlineData("Prefix", "capture", "SamplePercent", "150", "SamplePercent is 150; it must be between 0 and 100")]
    [InlineData("HashKey", "too-short", "SamplePercent", "10", "HashKey is 9 bytes; a key for HMAC-SHA256 needs at least 32")]
    [InlineData("Prefix", "capture", "RedactInputs:0", "x", null)]
    public async Task Start_BadCaptureSettings_FailsNamingTheSetting(string key, string? value, string modelKey, string modelValue, string? expected)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{Section}:LocalFolder"] = _folder,
            [$"{Section}:{key}"] = value,
            [$"{Section}:Models:mlp:{modelKey}"] = modelValue,
        };
        if (expected is null)
        {
            settings[$"{Section}:Models:mlp:HashInputs:0"] = "x";
            expected = "input 'x' is both redacted and hashed";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddDataCapture(configuration);
        using var provider = services.BuildServiceProvider();

        // The validator the host runs at start, run here itself: a host that fails to start inside WebApplicationFactory
        // is disposed by its own Run while the factory still reads its services, which now and then loses the error to an
        // ObjectDisposedException (2 runs of 7 here).
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private ModelHostApp App(Dictionary<string, string?> settings)
    {
        settings.TryAdd($"{Section}:LocalFolder", _folder);
        settings.TryAdd($"{Section}:FlushInterval", "00:10:00"); // the tests flush themselves
        return new ModelHostApp(settings);
    }

    private int CapturedLines() => Directory.GetFiles(_folder, "*.jsonl", SearchOption.AllDirectories).Sum(file => File.ReadAllLines(file).Length);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hmac(string key, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
}
