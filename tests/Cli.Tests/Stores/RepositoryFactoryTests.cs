using Microsoft.Extensions.Configuration;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Tests.Stores;

public sealed class RepositoryFactoryTests
{
    [Fact]
    public void Open_S3WithoutBucket_NamesTheHostsSetting()
    {
        var failure = Assert.Throws<StoreException>(() => RepositoryFactory.Open(StoreArguments.None with { Kind = "s3" }, Settings()));

        Assert.Contains("ModelHost:Store:S3:Bucket", failure.Message);
    }

    [Fact]
    public void Open_BucketFromTheEnvironment_OpensTheS3StoreWithItsPrefix()
    {
        var settings = Settings(("ModelHost__Store__Kind", "S3"), ("ModelHost__Store__S3__Bucket", "models"), ("ModelHost__Store__S3__Prefix", "prod/"),
            ("ModelHost__Store__S3__ServiceUrl", "http://127.0.0.1:9"));

        using var repository = RepositoryFactory.Open(StoreArguments.None, settings);

        Assert.Equal("s3://models/prod/", repository.Location);
    }

    [Fact]
    public void Open_CommandLine_WinsOverTheEnvironment()
    {
        var settings = Settings(("ModelHost__Store__Kind", "S3"), ("ModelHost__Store__S3__Bucket", "models"));

        using var repository = RepositoryFactory.Open(StoreArguments.None with { Root = "/tmp/elsewhere" }, settings);

        Assert.IsType<LocalModelRepository>(repository);
    }

    [Fact]
    public void Open_UnknownKind_SaysWhichAreKnown()
    {
        var failure = Assert.Throws<StoreException>(() => RepositoryFactory.Open(StoreArguments.None, Settings(("ModelHost__Store__Kind", "Gcs"))));

        Assert.Contains("neither local nor s3", failure.Message);
    }

    private static IConfiguration Settings(params (string Name, string Value)[] variables) =>
        HostSettings.From(variables.ToDictionary(variable => variable.Name, variable => (string?)variable.Value));
}
