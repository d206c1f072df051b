namespace MultiModel.Router.Rules;

public enum RuleSourceKind
{
    /// <summary>A local JSON file, reloaded when it changes: the default, so a local run needs no AWS account.</summary>
    File,

    /// <summary>AWS SSM Parameter Store, polled with GetParametersByPath.</summary>
    Ssm,
}
