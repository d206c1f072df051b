using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.DiskTier;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.ModelHost.S3.Tests.Storage;

public sealed class S3ModelStoreOptionsTests
{
    [Theory]
    [InlineData("ModelHost:Store:S3:Bucket", "", "Bucket")]
    [InlineData("ModelHost:Store:S3:ServiceUrl", "not a url", "ServiceUrl")]
    [InlineData("ModelHost:Store:S3:PartSizeBytes", "1000", "PartSizeBytes")]
    [InlineData("ModelHost:Store:S3:MaxParallelParts", "0", "MaxParallelParts")]
    [InlineData("ModelHost:Store:S3:RequestTimeout", "00:30:00", "RequestTimeout")]
    [InlineData("ModelHost:Store:S3:MaxErrorRetry", "50", "MaxErrorRetry")]
    [InlineData("ModelHost:DiskCache:BudgetMegabytes", "0", "BudgetMegabytes")]
    [InlineData("ModelHost:DiskCache:Directory", "", "Directory")]
    public void AddS3ModelStore_InvalidSetting_FailsValidationNamingIt(string key, string value, string member)
    {
        var settings = new Dictionary<string, string?> { ["ModelHost:Store:S3:Bucket"] = "models", [key] = value };
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<S3ModelStoreOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<DiskTierOptions>>().Value;
        });

        Assert.Contains(member, error.Message);
    }

    [Fact]
    public void AddS3ModelStore_DiskCacheDisabled_RegistersTheS3StoreAlone()
    {
        using var provider = Build(new() { ["ModelHost:Store:S3:Bucket"] = "models", ["ModelHost:Store:S3:Region"] = "eu-west-1", ["ModelHost:DiskCache:Enabled"] = "false" });

        Assert.IsType<S3ModelStore>(provider.GetRequiredService<IModelStore>());
    }

    [Fact]
    public void AddS3ModelStore_Defaults_WrapsTheS3StoreInTheDiskTier()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"disk-tier-{Guid.NewGuid():N}");
        using var provider = Build(new()
        {
            ["ModelHost:Store:S3:Bucket"] = "models",
            ["ModelHost:Store:S3:Region"] = "eu-west-1",
            ["ModelHost:DiskCache:Directory"] = directory,
        });

        try
        {
            var store = Assert.IsType<DiskTierModelStore>(provider.GetRequiredService<IModelStore>());
            Assert.Equal(directory, store.Directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddS3ModelStore(configuration);
        return services.BuildServiceProvider();
    }
}
