namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The apps' MULTIMODEL_LAMBDA_EVENT_SOURCE (src/ServiceDefaults/Lambda/LambdaEventSourceSetting.cs): which event shape
/// a function's hosting adapter reads. The stack sets RestApi on the function behind the REST API, which then has no
/// function URL (a URL sends the other shape); every other function reads the default, HttpApi.
/// </summary>
internal static class LambdaEventSource
{
    public const string Variable = "MULTIMODEL_LAMBDA_EVENT_SOURCE";

    public const string RestApi = "RestApi";
}
