using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;

namespace MultiModel.Deploy.Infrastructure;

internal sealed record RouterFunctionProps(
    string RulesPath,
    string PollInterval,
    bool PublicUrl,
    IReadOnlyList<IFunction> Targets,
    IFunctionUrl? DefaultTarget,
    ContainerImage Image,
    DeployParameters Parameters,
    RetentionDays LogRetention,
    string? AlarmTopicArn,
    bool BehindRestApi = false);
