namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// Reads <c>MULTIMODEL_LAMBDA_EVENT_SOURCE</c>: <c>HttpApi</c> (the default) or <c>RestApi</c>, ignoring case. Read and
/// checked on every start, Kestrel too, so a typo in a function's environment is found by any run of the image, not
/// only by the first event that arrives in the wrong shape.
/// </summary>
public static class LambdaEventSourceSetting
{
    /// <summary>The environment variable the stack sets on a function behind API Gateway's REST API.</summary>
    public const string Name = "MULTIMODEL_LAMBDA_EVENT_SOURCE";

    /// <summary>The kind configured; unset or empty is <see cref="LambdaEventSourceKind.HttpApi"/>.</summary>
    /// <exception cref="InvalidSettingException">The value names no kind; the message names the setting and the valid values.</exception>
    public static LambdaEventSourceKind Read(IConfiguration configuration)
    {
        var value = configuration[Name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return LambdaEventSourceKind.HttpApi;
        }

        // By name only: the configuration binder would also take "1", a typo more often than a choice.
        var name = Enum.GetNames<LambdaEventSourceKind>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<LambdaEventSourceKind>(name)
            : throw new InvalidSettingException(
                $"{Name} is '{value}'; valid values: {string.Join(", ", Enum.GetNames<LambdaEventSourceKind>())} (HttpApi for function URLs and HTTP APIs, RestApi behind API Gateway's REST API).");
    }
}
