using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Storage.S3;
using MultiModel.ServiceDefaults;

namespace MultiModel.ModelHost.Capture;

public static class DataCaptureServiceCollectionExtensions
{
    /// <summary>The key of the capture's own S3 client, apart from the model store's.</summary>
    public const string ClientKey = "ModelHost:DataCapture";

    /// <summary>
    /// Registers <see cref="DataCapture"/> (options from <c>ModelHost:DataCapture</c>, validated at start) and, when any
    /// model is captured, its destination and the background <see cref="CaptureWriter"/>. A bucket is reached with the
    /// model store's S3 client settings (<c>ModelHost:Store:S3</c>: region, endpoint, timeouts; credentials from the SDK
    /// default chain), read whether or not the store itself is S3.
    /// </summary>
    public static IServiceCollection AddDataCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataCaptureOptions>().BindSettings(DataCaptureOptions.SectionName).ValidateGenerated<DataCaptureOptions, DataCaptureOptionsValidator>().ValidateOnStart();
        services.AddSingleton<DataCapture>();
        var settings = configuration.GetSection(DataCaptureOptions.SectionName).Get<DataCaptureOptions>() ?? new DataCaptureOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        if (!string.IsNullOrEmpty(settings.LocalFolder))
        {
            services.AddSingleton<ICaptureDestination>(static provider =>
                new LocalFolderCaptureDestination(provider.GetRequiredService<IOptions<DataCaptureOptions>>().Value.LocalFolder!));
        }
        else
        {
            services.AddKeyedSingleton<IAmazonS3>(ClientKey, (provider, _) =>
            {
                var s3 = configuration.GetSection(S3ModelStoreOptions.SectionName).Get<S3ModelStoreOptions>() ?? new S3ModelStoreOptions();
                var config = S3ClientConfigFactory.Create(s3);
                if (provider.GetService<HttpClientFactory>() is { } httpClientFactory)
                {
                    config.HttpClientFactory = httpClientFactory;
                }

                return new AmazonS3Client(config);
            });
            services.AddSingleton<ICaptureDestination>(static provider => new S3CaptureDestination(
                provider.GetRequiredKeyedService<IAmazonS3>(ClientKey), provider.GetRequiredService<IOptions<DataCaptureOptions>>().Value.S3Bucket!));
        }

        services.AddSingleton<CaptureWriter>();
        services.AddHostedService(static provider => provider.GetRequiredService<CaptureWriter>());
        return services;
    }
}
