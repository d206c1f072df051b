using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>Data capture into radosgw through the host's own S3 client settings, and predictions while the bucket fails.</summary>
[Collection(RadosgwCollection.Name)]
public sealed class DataCaptureOnS3Tests(RadosgwFixture s3)
{
    private const string Section = DataCaptureOptions.SectionName;

    [Fact]
    public async Task Capture_QuarterOfRequests_RecordsInTheBucketAtTheSampleRateWithTheInputRedacted()
    {
        const int Requests = 400;
        var id = RadosgwFixture.NewId("capture");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var app = new S3ModelHostApp(s3, Settings(id, RadosgwFixture.Bucket, percent: 25, redact: "x"));
        var client = app.CreateClient();

        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, $"/models/{id}/predict")).StatusCode);
        }

        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        var objects = (await s3.Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = RadosgwFixture.Bucket, Prefix = $"captured/{id}/" })).S3Objects;
        Assert.All(objects, entry => Assert.Matches($@"^captured/{id}/1/\d{{4}}/\d\d/\d\d/\d\d/\d{{8}}T\d{{9}}Z-[0-9a-f]{{32}}\.jsonl$", entry.Key));
        var records = new List<JsonElement>();
        foreach (var entry in objects)
        {
            using var response = await s3.Admin.GetObjectAsync(RadosgwFixture.Bucket, entry.Key);
            using var reader = new StreamReader(response.ResponseStream);
            records.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement));
        }

        // Binomial(400, 0.25): mean 100, standard deviation 8.7. Six deviations either side: a correct sampler falls
        // outside about once in 500 million runs; a sampler that ignores the rate (0, 400) or halves or doubles it does not fit.
        Assert.InRange(records.Count, 48, 152);
        var direct = Predict.Direct(SmallModels.Small);
        Assert.All(records, record =>
        {
            Assert.Equal("""[{"name":"x","redacted":true}]""", record.GetProperty("inputs").GetRawText());
            var y = record.GetProperty("outputs").EnumerateArray().Single().GetProperty("data").EnumerateArray().Select(value => value.GetSingle());
            Assert.Equal(direct, y);
        });
    }

    [Fact]
    public async Task Capture_BucketThatCannotBeWritten_PredictionsAllAnswerRightAndEveryRecordIsCountedDropped()
    {
        const int Requests = 20;
        var id = RadosgwFixture.NewId("capturefail");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var app = new S3ModelHostApp(s3, Settings(id, bucket: "no-such-capture-bucket", percent: 100));
        var client = app.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < Requests; i++)
        {
            responses.Add(await Predict.PostAsync(client, $"/models/{id}/predict"));
        }

        await app.Services.GetRequiredService<CaptureWriter>().FlushAsync(CancellationToken.None);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal(Predict.Direct(SmallModels.Small), await Predict.OutputAsync(response));
        }

        var scraped = await client.GetStringAsync("/metrics");
        var dropped = Regex.Match(scraped, $@"^multimodel_capture_dropped_total\{{[^}}]*model_id=""{id}""[^}}]*\}} (\d+)", RegexOptions.Multiline);
        Assert.True(dropped.Success, $"no capture_dropped series for {id} in /metrics");
        Assert.Equal(Requests, int.Parse(dropped.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string?> Settings(string id, string bucket, int percent, string? redact = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{Section}:S3Bucket"] = bucket,
            [$"{Section}:Prefix"] = "captured",
            [$"{Section}:FlushInterval"] = "00:10:00", // the tests flush themselves
            [$"{Section}:Models:{id}:SamplePercent"] = percent.ToString(CultureInfo.InvariantCulture),
        };
        if (redact is not null)
        {
            settings[$"{Section}:Models:{id}:RedactInputs:0"] = redact;
        }

        return settings;
    }
}
