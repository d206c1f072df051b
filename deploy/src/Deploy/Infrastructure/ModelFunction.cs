using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// One ModelHost function: its own role (logs plus read access to its models only), log group, a <c>live</c>
/// alias (optionally with provisioned concurrency) carrying an AWS_IAM function URL, alarms, optional warm-up.
/// </summary>
internal sealed class ModelFunction : Construct
{
    public const string AliasName = "live";
    public const string DiskCacheDirectory = "/tmp/models";
    public const string CacheBudgetVariable = "ModelHost__Cache__BudgetMegabytes";

    public ModelFunction(Construct scope, string id, ModelFunctionProps props)
        : base(scope, id)
    {
        var config = props.Config;
        Name = config.Name;
        Models = config.Models;
        MemoryMb = config.MemoryMb?.ToString(CultureInfo.InvariantCulture) ?? props.Parameters.MemoryMb.ValueAsString;
        (LogGroup, Role) = FunctionIdentity.Create(this, props.LogRetention,
            $"MultiModel ModelHost '{config.Name}': write its logs, read its models.");
        // An isolated function may read only its own models' folders.
        ModelBucketAccess.GrantRead(Role, props.Bucket,
            props.Isolated ? config.Models.Select(model => $"{props.ModelPrefix}{model}/").ToList() : [props.ModelPrefix]);

        var parameters = props.Parameters;
        Function = new DockerImageFunction(this, "Function", new DockerImageFunctionProps
        {
            Description = $"MultiModel ModelHost '{config.Name}'",
            Code = props.Image.ModelHost(),
            Architecture = props.Image.Architecture,
            Role = Role,
            LogGroup = LogGroup,
            MemorySize = config.MemoryMb ?? parameters.MemoryMb.ValueAsNumber,
            EphemeralStorageSize = Size.Mebibytes(config.EphemeralStorageMb ?? parameters.EphemeralStorageMb.ValueAsNumber),
            Timeout = Duration.Seconds(config.TimeoutSeconds ?? parameters.TimeoutSeconds.ValueAsNumber),
            Environment = Environment(props),
        });

        parameters.SetCacheBudget(Function, CacheBudgetVariable);

        Alias = new Alias(this, "Alias", new AliasProps
        {
            AliasName = AliasName,
            Version = Function.CurrentVersion,
            ProvisionedConcurrentExecutions = config.ProvisionedConcurrency > 0 ? config.ProvisionedConcurrency : null,
        });

        // On the alias, so requests use the provisioned environments; IAM only: the Router (or a caller you grant) signs.
        // Behind the REST API the function reads that API's events only, which a URL does not send: no URL then.
        Url = props.BehindRestApi ? null : Alias.AddFunctionUrl(new FunctionUrlOptions { AuthType = FunctionUrlAuthType.AWS_IAM });

        _ = new FunctionAlarms(this, "Alarms", Function, props.Parameters.P99DurationAlarmMs.ValueAsNumber, props.AlarmTopicArn);
        AppAlarms = new ModelHostAlarms(this, "AppAlarms", Function.FunctionName, MemoryMb, props.Parameters, props.AlarmTopicArn);
        if (config.Warmup is { } warmup)
        {
            var models = warmup.Models.Count > 0 ? warmup.Models : config.Models;
            _ = new ScheduledWarmup(this, "Warmup", Alias, warmup.Schedule, models, props.BehindRestApi);
        }
    }

    /// <summary>The function's name in multimodel.json (<c>shared</c> for the ModelHost every route may use).</summary>
    public string Name { get; }

    /// <summary>The models the configuration lists for this function (prewarmed; an isolated function's only models).</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>The function's memory size in MB: a number, or the ModelHostMemoryMb parameter's token.</summary>
    public string MemoryMb { get; }

    public ModelHostAlarms AppAlarms { get; }

    public LogGroup LogGroup { get; }

    public Role Role { get; }

    public DockerImageFunction Function { get; }

    public Alias Alias { get; }

    /// <summary>Null when the function is behind the REST API.</summary>
    public FunctionUrl? Url { get; }

    private static Dictionary<string, string> Environment(ModelFunctionProps props)
    {
        var environment = StoreEnvironment.S3(props.Bucket, props.ModelPrefix);
        environment["ModelHost__DiskCache__Directory"] = DiskCacheDirectory;
        environment["ModelHost__DiskCache__BudgetMegabytes"] = props.Parameters.DiskCacheBudgetMb.ValueAsString;
        if (props.BehindRestApi)
        {
            environment[LambdaEventSource.Variable] = LambdaEventSource.RestApi;
        }
        for (var i = 0; i < props.Config.Models.Count; i++)
        {
            environment[$"ModelHost__Prewarm__Models__{i}"] = props.Config.Models[i];
        }

        return environment;
    }
}
