using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>
/// A host with no AWS credentials anywhere, run as a process of its own: the SDK's credential chain reads the process
/// environment, which this test process shares with every other test.
/// </summary>
[Collection(RadosgwCollection.Name)]
public sealed class CredentialsTests(RadosgwFixture s3)
{
    [Fact]
    public async Task Predict_NoCredentialsAnywhere_Gets500NamingWhatIsMissing()
    {
        var id = RadosgwFixture.NewId("nocreds");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        var disk = Path.Combine(Path.GetTempPath(), $"modelhost-disk-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>
        {
            ["ModelHost__Store__Kind"] = "S3",
            ["ModelHost__Store__S3__Bucket"] = RadosgwFixture.Bucket,
            ["ModelHost__Store__S3__ServiceUrl"] = s3.Server.ServiceUrl,
            ["ModelHost__DiskCache__Directory"] = disk,
            // Nothing for the SDK's chain to find: no keys, no profile, no token file, no instance metadata.
            ["AWS_ACCESS_KEY_ID"] = "",
            ["AWS_SECRET_ACCESS_KEY"] = "",
            ["AWS_SESSION_TOKEN"] = "",
            ["AWS_PROFILE"] = "",
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = "",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
            ["AWS_CONFIG_FILE"] = "/nonexistent/config",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        try
        {
            await using var host = await HostProcess.StartAsync(Path.GetTempPath(), settings);
            using var client = new HttpClient { BaseAddress = host.Address };

            var response = await Predict.PostAsync(client, $"/models/{id}/predict");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var detail = problem.RootElement.GetProperty("detail").GetString();
            Assert.Contains("no AWS credentials", detail, StringComparison.Ordinal);
            Assert.Contains("execution role", detail, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(disk))
            {
                Directory.Delete(disk, recursive: true);
            }
        }
    }
}
