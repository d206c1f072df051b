using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Infrastructure.Gateway;

/// <summary>
/// The REST API (API Gateway v1) in front of one function: explicit routes (<see cref="ApiRoutes"/>), API keys or IAM on
/// every method, usage plans per client, prediction bodies checked against the envelopes' JSON Schemas, binary tensor
/// data passed through, JSON access logs, and the gateway's own refusals worded as the apps word theirs.
/// </summary>
internal sealed class ModelApi : Construct
{
    /// <summary>Registered as binary, so Triton's binary tensor extension reaches the function unchanged (base64 in the event).</summary>
    public const string BinaryMediaType = "application/octet-stream";

    /// <summary>API Gateway's own limit on a REST integration's wait; the function may run on, its answer is then lost.</summary>
    public const int IntegrationTimeoutSeconds = 29;

    public ModelApi(Construct scope, string id, ApiGatewayConfig config, IFunction target, RetentionDays logRetention)
        : base(scope, id)
    {
        AccessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps { Retention = logRetention });
        var iam = config.Auth != ApiGatewayConfig.ApiKeyAuth;
        Api = new RestApi(this, "Api", new RestApiProps
        {
            RestApiName = $"{Stack.Of(this).StackName}-models",
            Description = "MultiModel predictions for callers outside AWS (docs/deploy.md, \"The API Gateway front door\")",
            EndpointTypes = [EndpointType.REGIONAL],
            BinaryMediaTypes = [BinaryMediaType],
            // The account-wide role API Gateway writes logs with is the account's to set, once per region (docs/deploy.md).
            CloudWatchRole = false,
            DefaultMethodOptions = new MethodOptions
            {
                AuthorizationType = iam ? AuthorizationType.IAM : AuthorizationType.NONE,
                ApiKeyRequired = !iam,
            },
            DeployOptions = new StageOptions
            {
                StageName = config.StageName,
                AccessLogDestination = new LogGroupLogDestination(AccessLogs),
                AccessLogFormat = AccessLogFormat.Custom(ApiAccessLog.Format),
                // Off on purpose: API Gateway's cache keys on path, query and headers, never the body, so it would answer
                // one caller's prediction to another caller's different input (docs/deploy.md).
                CachingEnabled = false,
                ThrottlingRateLimit = config.RateLimit,
                ThrottlingBurstLimit = config.BurstLimit,
                MetricsEnabled = true,
            },
        });

        AddRoutes(config, target);
        GatewayResponses.AddTo(Api);
        UsagePlans = config.Clients.ToDictionary(c => c.Name, c => new ClientUsagePlan(this, $"Client-{c.Name}", Api, c));
    }

    public RestApi Api { get; }

    public LogGroup AccessLogs { get; }

    /// <summary>By client name; empty with IAM auth.</summary>
    public IReadOnlyDictionary<string, ClientUsagePlan> UsagePlans { get; }

    private void AddRoutes(ApiGatewayConfig config, IFunction target)
    {
        var integration = new LambdaIntegration(target, new LambdaIntegrationOptions
        {
            Proxy = true,
            Timeout = Duration.Seconds(IntegrationTimeoutSeconds),
            AllowTestInvoke = false, // one permission per method, for the deployed stage only
        });
        var validator = config.ValidateRequests
            ? Api.AddRequestValidator("BodyValidator", new RequestValidatorOptions { ValidateRequestBody = true, ValidateRequestParameters = false })
            : null;
        var models = new Dictionary<string, IModel>();
        foreach (var route in ApiRoutes.All)
        {
            var options = new MethodOptions();
            if (validator is not null && route.BodySchema is { } schema)
            {
                if (!models.TryGetValue(schema, out var model))
                {
                    models[schema] = model = SchemaModel(schema);
                }

                // Only bodies sent as JSON are checked: a binary request (application/octet-stream) matches no model.
                options = new MethodOptions { RequestValidator = validator, RequestModels = new Dictionary<string, IModel> { ["application/json"] = model } };
            }

            Api.Root.ResourceForPath(route.Path).AddMethod(route.Method, integration, options);
        }
    }

    /// <summary>The schema as written in its file; CDK's typed JsonSchema would rewrite it.</summary>
    private IModel SchemaModel(string file)
    {
        var schema = RequestSchemas.Load(file);
        var name = schema["title"]!.GetValue<string>();
        var model = new CfnModel(this, name, new CfnModelProps
        {
            RestApiId = Api.RestApiId,
            Name = name,
            ContentType = "application/json",
            Description = $"deploy/src/Deploy/Infrastructure/Gateway/Schemas/{file}",
            Schema = RequestSchemas.ToJsii(schema),
        });
        return Model.FromModelName(this, name + "Ref", model.Ref);
    }
}
