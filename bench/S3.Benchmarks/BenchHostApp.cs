using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.S3.Benchmarks;

/// <summary>The real ModelHost app in process with <c>ModelHost:Store:Kind=S3</c>, the disk tier in a fresh folder.</summary>
internal sealed class BenchHostApp(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Until the host's own AddModelStore selects the S3 store for Kind=S3, register it the way it will.
            if (!services.Any(descriptor => descriptor.ServiceType == typeof(S3ModelStore)))
            {
                services.AddS3ModelStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            }
        });
    }
}
