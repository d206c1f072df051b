using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Storage.DiskTier;
using MultiModel.ServiceDefaults;

namespace MultiModel.ModelHost.Storage.S3;

public static class S3ModelStoreServiceCollectionExtensions
{
    /// <summary>The key of the SDK client this store owns, so it never collides with another S3 client in the app.</summary>
    public const string ClientKey = "ModelHost:Store:S3";

    /// <summary>
    /// Registers <see cref="IModelStore"/> as the S3 store (options from <c>ModelHost:Store:S3</c>), wrapped in the disk
    /// tier (<c>ModelHost:DiskCache</c>) unless <c>ModelHost:DiskCache:Enabled</c> is false. Both option sets are
    /// validated at start. Credentials come from the SDK default chain. An <see cref="HttpClientFactory"/> registered
    /// in the container, if any, carries the SDK's HTTP traffic (tests use one to count requests).
    /// </summary>
    public static IServiceCollection AddS3ModelStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<S3ModelStoreOptions>().BindSettings(S3ModelStoreOptions.SectionName).ValidateGenerated<S3ModelStoreOptions, S3ModelStoreOptionsValidator>().ValidateOnStart();
        services.AddOptions<DiskTierOptions>().BindSettings(DiskTierOptions.SectionName).ValidateGenerated<DiskTierOptions, DiskTierOptionsValidator>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddKeyedSingleton<IAmazonS3>(ClientKey, (provider, _) =>
        {
            var config = S3ClientConfigFactory.Create(provider.GetRequiredService<IOptions<S3ModelStoreOptions>>().Value);
            if (provider.GetService<HttpClientFactory>() is { } httpClientFactory)
            {
                config.HttpClientFactory = httpClientFactory;
            }

            try
            {
                return new AmazonS3Client(config);
            }
            catch (AmazonClientException exception) when (config.RegionEndpoint is null && string.IsNullOrEmpty(config.ServiceURL))
            {
                throw new InvalidOperationException(
                    "The S3 model store has no region: set ModelHost:Store:S3:Region, or AWS_REGION in the environment.", exception);
            }
        });
        services.AddSingleton(provider => new S3ModelStore(
            provider.GetRequiredKeyedService<IAmazonS3>(ClientKey),
            provider.GetRequiredService<IOptions<S3ModelStoreOptions>>().Value,
            provider.GetRequiredService<ILogger<S3ModelStore>>()));

        var diskTier = configuration.GetValue($"{DiskTierOptions.SectionName}:{nameof(DiskTierOptions.Enabled)}", defaultValue: true);
        services.AddSingleton<IModelStore>(provider =>
        {
            var s3 = provider.GetRequiredService<S3ModelStore>();
            return !diskTier
                ? s3
                : new DiskTierModelStore(
                    s3,
                    provider.GetRequiredService<IOptions<DiskTierOptions>>().Value,
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<DiskTierModelStore>>());
        });
        return services;
    }
}
