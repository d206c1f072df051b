using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The Router: same image, command overridden. It may read only its rules path in Parameter Store and invoke only
/// the ModelHost functions' URLs (their <c>live</c> aliases).
/// </summary>
internal sealed class RouterFunction : Construct
{
    public RouterFunction(Construct scope, string id, RouterFunctionProps props)
        : base(scope, id)
    {
        (LogGroup, Role) = FunctionIdentity.Create(this, props.LogRetention,
            "MultiModel Router: write its logs, read its rules, invoke the model functions' URLs.");
        GrantRules(props.RulesPath);
        GrantInvoke(props.Targets);

        Function = new DockerImageFunction(this, "Function", new DockerImageFunctionProps
        {
            Description = "MultiModel Router",
            Code = props.Image.Router(),
            Architecture = props.Image.Architecture,
            Role = Role,
            LogGroup = LogGroup,
            MemorySize = props.Parameters.RouterMemoryMb.ValueAsNumber,
            Timeout = Duration.Seconds(props.Parameters.RouterTimeoutSeconds.ValueAsNumber),
            Environment = Environment(props),
        });

        // Behind the REST API the Router reads that API's events only, which a URL does not send: no URL then.
        if (!props.BehindRestApi)
        {
            Url = Function.AddFunctionUrl(new FunctionUrlOptions
            {
                AuthType = props.PublicUrl ? FunctionUrlAuthType.NONE : FunctionUrlAuthType.AWS_IAM,
            });
            if (props.PublicUrl)
            {
                AllowPublicInvokeViaUrl();
            }
        }

        _ = new FunctionAlarms(this, "Alarms", Function, props.Parameters.P99DurationAlarmMs.ValueAsNumber, props.AlarmTopicArn);
    }

    public LogGroup LogGroup { get; }

    public Role Role { get; }

    public DockerImageFunction Function { get; }

    /// <summary>Null when the Router is behind the REST API.</summary>
    public FunctionUrl? Url { get; }

    private static Dictionary<string, string> Environment(RouterFunctionProps props)
    {
        var environment = new Dictionary<string, string>
        {
            ["Router__Rules__Source"] = "Ssm",
            ["Router__Rules__SsmPath"] = props.RulesPath,
            ["Router__Rules__PollInterval"] = props.PollInterval,
        };
        if (props.BehindRestApi)
        {
            environment[LambdaEventSource.Variable] = LambdaEventSource.RestApi;
        }
        if (props.DefaultTarget is { } target)
        {
            environment["Router__DefaultTarget"] = target.Url;
            environment["Router__DefaultTargetAuth"] = "Iam";
        }

        return environment;
    }

    // The Router calls GetParametersByPath on the path and GetParameter on single rules beneath it.
    private void GrantRules(string rulesPath)
    {
        var stack = Stack.Of(this);
        string Arn(string name) => stack.FormatArn(new ArnComponents
        {
            Service = "ssm",
            Resource = "parameter",
            ResourceName = name.TrimStart('/'),
            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
        });

        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadRoutingRules",
            Actions = ["ssm:GetParametersByPath", "ssm:GetParameter"],
            Resources = [Arn(rulesPath), Arn(rulesPath + "/*")],
        }));
    }

    // Function URLs created since October 2025 check lambda:InvokeFunction as well as lambda:InvokeFunctionUrl.
    private void GrantInvoke(IReadOnlyList<IFunction> targets)
    {
        if (targets.Count == 0)
        {
            return;
        }

        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "InvokeModelFunctionUrls",
            Actions = ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"],
            Resources = targets.Select(target => target.FunctionArn).ToArray(),
        }));
    }

    // CDK 2.160 adds only lambda:InvokeFunctionUrl for a NONE URL; newer URLs also need this permission.
    private void AllowPublicInvokeViaUrl()
    {
        var permission = new CfnPermission(this, "PublicInvokeViaUrl", new CfnPermissionProps
        {
            Action = "lambda:InvokeFunction",
            FunctionName = Function.FunctionArn,
            Principal = "*",
        });
        permission.AddPropertyOverride("InvokedViaFunctionUrl", true);
    }
}
