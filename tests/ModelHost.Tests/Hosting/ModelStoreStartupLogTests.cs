using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using Serilog.Core;
using Serilog.Events;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>The host says at start which store serves models, and warns when the local folder is missing or empty.</summary>
public sealed class ModelStoreStartupLogTests
{
    [Fact]
    public void Start_LocalRootDoesNotExist_WarnsNamingTheFolderAndTheSetting()
    {
        var missing = Path.Combine(Path.GetTempPath(), "modelhost-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var events = StartWith(new() { ["ModelHost:Store:LocalRoot"] = missing });

        var warning = Assert.Single(events.Named("ModelStoreFolderMissing"));
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Equal(missing, Scalar(warning, "Folder"));
        Assert.Empty(events.Named("ModelStoreLocal"));
    }

    [Fact]
    public void Start_LocalRootWithoutAnyVersion_LogsTheFolderAndWarnsItHoldsNoModel()
    {
        var empty = Directory.CreateTempSubdirectory("modelhost-empty-");
        try
        {
            // A model file outside a version folder is no model: requests would answer 404.
            Directory.CreateDirectory(Path.Combine(empty.FullName, "iris", "latest"));
            File.WriteAllBytes(Path.Combine(empty.FullName, "iris", "latest", "model.onnx"), TestModelFactory.Mlp(2, 3, 2));

            var events = StartWith(new() { ["ModelHost:Store:LocalRoot"] = empty.FullName });

            Assert.Equal(0, Scalar(Assert.Single(events.Named("ModelStoreLocal")), "ModelCount"));
            Assert.Equal(empty.FullName, Scalar(Assert.Single(events.Named("ModelStoreFolderEmpty")), "Folder"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Start_LocalRootWithAModel_LogsTheFolderAndCountWithoutWarning()
    {
        using var app = new ModelHostApp();
        app.AddModel("iris", 1, TestModelFactory.Mlp(2, 3, 2));

        var events = StartWith(new() { ["ModelHost:Store:LocalRoot"] = app.StoreRoot });

        var logged = Assert.Single(events.Named("ModelStoreLocal"));
        Assert.Equal(Path.GetFullPath(app.StoreRoot), Scalar(logged, "Folder"));
        Assert.Equal(1, Scalar(logged, "ModelCount"));
        Assert.Empty(events.Named("ModelStoreFolderMissing").Concat(events.Named("ModelStoreFolderEmpty")));
    }

    [Fact]
    public void Start_S3Store_LogsBucketPrefixAndDiskTier()
    {
        var events = StartWith(new()
        {
            ["ModelHost:Store:Kind"] = "S3",
            ["ModelHost:Store:S3:Bucket"] = "models",
            ["ModelHost:Store:S3:Prefix"] = "prod/",
            ["ModelHost:DiskCache:Enabled"] = "false",
        });

        var logged = Assert.Single(events.Named("ModelStoreS3"));
        Assert.Equal(("models", "prod/", "off"), ((string?)Scalar(logged, "Bucket"), (string?)Scalar(logged, "Prefix"), (string?)Scalar(logged, "DiskTier")));
    }

    private static GatedLogSink StartWith(Dictionary<string, string?> settings)
    {
        settings["Serilog:MinimumLevel:Default"] = "Information";
        var sink = new GatedLogSink("none");
        using var app = new ModelHostApp(settings);
        using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        host.CreateClient().Dispose(); // starts the host, and with it the hosted services
        return sink;
    }

    private static object? Scalar(LogEvent logEvent, string property) => ((ScalarValue)logEvent.Properties[property]).Value;
}
