using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Infrastructure;

internal sealed record ModelFunctionProps(
    ModelFunctionConfig Config,
    bool Isolated,
    IBucket Bucket,
    string ModelPrefix,
    ContainerImage Image,
    DeployParameters Parameters,
    RetentionDays LogRetention,
    string? AlarmTopicArn,
    bool BehindRestApi = false);
