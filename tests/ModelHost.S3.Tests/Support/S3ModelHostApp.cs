using Amazon.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>
/// The real ModelHost app in process, configured for the S3 store (<c>ModelHost:Store:Kind=S3</c>) against radosgw,
/// with the disk tier in a temporary folder. Credentials reach it through the SDK default chain (environment), and
/// every HTTP request its S3 client sends is counted.
/// </summary>
public sealed class S3ModelHostApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public S3ModelHostApp(RadosgwFixture s3, Dictionary<string, string?>? settings = null)
    {
        DiskDirectory = Path.Combine(Path.GetTempPath(), $"modelhost-disk-{Guid.NewGuid():N}");
        _settings = new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["ModelHost:Store:Kind"] = "S3",
            ["ModelHost:Store:S3:Bucket"] = RadosgwFixture.Bucket,
            ["ModelHost:Store:S3:ServiceUrl"] = s3.Server.ServiceUrl,
            ["ModelHost:Store:S3:RequestTimeout"] = "00:00:05",
            ["ModelHost:Store:S3:MaxErrorRetry"] = "1",
            ["ModelHost:Store:S3:RetryAfter"] = "00:00:03",
            ["ModelHost:DiskCache:Directory"] = DiskDirectory,
            // Resident memory here is the whole test process's; the guard on it is tested against a host of its own.
            ["ModelHost:Cache:LimitResidentMemory"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public RequestCounter Requests { get; } = new();

    public string DiskDirectory { get; }

    public ModelCache Cache => Services.GetRequiredService<ModelCache>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The host itself selects the S3 store from ModelHost:Store:Kind; the test only counts its HTTP traffic.
        builder.ConfigureTestServices(services => services.AddSingleton<HttpClientFactory>(new CountingHttpClientFactory(Requests)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DiskDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
