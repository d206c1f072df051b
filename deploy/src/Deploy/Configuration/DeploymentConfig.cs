namespace MultiModel.Deploy.Configuration;

/// <summary>
/// What a deployment contains, decided at synth time (deploy/multimodel.json). Sizes that an operator tunes per
/// environment without editing files (memory, storage, timeout, cache budgets, retention) are CloudFormation
/// parameters instead, see <see cref="Infrastructure.DeployParameters"/>.
/// </summary>
internal sealed record DeploymentConfig
{
    /// <summary>Lambda architecture and image platform: <c>arm64</c> (cheaper per GB-second) or <c>x86_64</c>.</summary>
    public string Architecture { get; init; } = "arm64";

    /// <summary>Key prefix under which models live: <c>{prefix}{id}/{version}/model.onnx</c>.</summary>
    public string ModelPrefix { get; init; } = "models/";

    /// <summary>Parameter Store path the Router polls; one parameter per rule below it.</summary>
    public string RulesPath { get; init; } = "/multimodel/routes";

    /// <summary>How often the Router polls <see cref="RulesPath"/> (TimeSpan format).</summary>
    public string RulesPollInterval { get; init; } = "00:00:30";

    /// <summary>Days every function's log group keeps events; must be a value CloudWatch Logs accepts.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>
    /// Where the Router sends a model no rule matches: a function of this stack (<c>shared</c>, the default, or an
    /// isolated function's name), or empty for 404.
    /// </summary>
    public string RouterDefaultTarget { get; init; } = SharedFunctionName;

    /// <summary>Auth of the Router's own URL: <c>AWS_IAM</c> (default) or <c>NONE</c> for a public endpoint.</summary>
    public string RouterUrlAuth { get; init; } = "AWS_IAM";

    /// <summary>Optional SNS topic every alarm notifies; alarms exist (visible in the console) without it.</summary>
    public string? AlarmTopicArn { get; init; }

    /// <summary>The shared ModelHost, which serves every model in the prefix; its <c>Models</c> are prewarmed.</summary>
    public ModelFunctionConfig ModelHost { get; init; } = new() { Name = SharedFunctionName };

    /// <summary>Per-model functions: each serves (and may read) only its own models.</summary>
    public IReadOnlyList<ModelFunctionConfig> IsolatedFunctions { get; init; } = [];

    /// <summary>Routing rules written to Parameter Store at deploy time.</summary>
    public IReadOnlyList<RouteConfig> Routes { get; init; } = [];

    /// <summary>The name routes use to target the shared ModelHost.</summary>
    public const string SharedFunctionName = "shared";
}
