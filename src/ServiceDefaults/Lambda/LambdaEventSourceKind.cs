namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// Which event shape the function receives, so the hosting adapter reads it right: the payload 2.0 of function URLs
/// and API Gateway HTTP APIs, or the REST API (API Gateway v1) proxy payload. The stack sets it per function
/// (<see cref="LambdaEventSourceSetting"/>): a function behind the REST API gets RestApi, every other HttpApi.
/// </summary>
public enum LambdaEventSourceKind
{
    HttpApi,
    RestApi,
}
