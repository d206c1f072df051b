using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// Every function's own log group and own role, which may write only to that group: no managed policy, since
/// AWSLambdaBasicExecutionRole's <c>Resource: *</c> would break the stack's no-wildcard rule (docs/deploy.md).
/// </summary>
internal static class FunctionIdentity
{
    public static (LogGroup LogGroup, Role Role) Create(Construct scope, RetentionDays retention, string description)
    {
        var logGroup = new LogGroup(scope, "Logs", new LogGroupProps { Retention = retention });
        var role = new Role(scope, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = description,
        });
        logGroup.GrantWrite(role);
        return (logGroup, role);
    }
}
