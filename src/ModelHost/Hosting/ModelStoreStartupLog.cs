using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.DiskTier;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// Says once, as the host starts, which store serves models, and warns when the local folder is missing or holds no
/// model. Without it a mistyped ModelHost__Store__LocalRoot starts silently and every request answers that its model
/// does not exist. Runs once the server listens (StartedAsync: the folder listing and the first log event are not worth
/// delaying the first request for) and off the request path; the S3 store is only named, since asking the bucket here
/// would put a network call (and its failures) in every start.
/// </summary>
internal sealed partial class ModelStoreStartupLog(
    IOptions<ModelStoreOptions> store,
    IOptions<S3ModelStoreOptions> s3,
    IOptions<DiskTierOptions> diskTier,
    IConfiguration configuration,
    ILogger<ModelStoreStartupLog> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (ModelStoreKinds.TryParse(configuration[ModelStoreKinds.Setting], out var kind) && kind == ModelStoreKind.S3)
        {
            var tier = diskTier.Value;
            LogS3(s3.Value.Bucket, s3.Value.Prefix, tier.Enabled ? tier.Directory : "off");
            return;
        }

        var folder = store.Value.ResolvedLocalRoot();
        if (!Directory.Exists(folder))
        {
            LogFolderMissing(folder, store.Value.LocalRoot);
            return;
        }

        var models = await CountModelsAsync(new LocalFolderModelStore(folder), cancellationToken);
        LogLocal(folder, models);
        if (models == 0)
        {
            LogFolderEmpty(folder);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Counted as requests see them: a model is a folder with at least one version the store would serve.
    private static async Task<int> CountModelsAsync(LocalFolderModelStore folder, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var id in await folder.ListModelsAsync(cancellationToken))
        {
            count += (await folder.ListVersionsAsync(id, cancellationToken)).Count > 0 ? 1 : 0;
        }

        return count;
    }

    [LoggerMessage(EventId = 3201, EventName = "ModelStoreLocal", Level = LogLevel.Information,
        Message = "Models are served from the local folder {Folder}: {ModelCount} models")]
    private partial void LogLocal(string folder, int modelCount);

    [LoggerMessage(EventId = 3202, EventName = "ModelStoreS3", Level = LogLevel.Information,
        Message = "Models are served from S3 bucket {Bucket}, prefix '{Prefix}'; disk tier {DiskTier}")]
    private partial void LogS3(string bucket, string prefix, string diskTier);

    [LoggerMessage(EventId = 3203, EventName = "ModelStoreFolderMissing", Level = LogLevel.Warning,
        Message = "The model folder {Folder} (ModelHost:Store:LocalRoot '{LocalRoot}') does not exist: every request will answer that its model does not exist")]
    private partial void LogFolderMissing(string folder, string localRoot);

    [LoggerMessage(EventId = 3204, EventName = "ModelStoreFolderEmpty", Level = LogLevel.Warning,
        Message = "The model folder {Folder} holds no model (a model is {{id}}/{{version}}/model.onnx, the version a positive integer): every request will answer that its model does not exist")]
    private partial void LogFolderEmpty(string folder);
}
