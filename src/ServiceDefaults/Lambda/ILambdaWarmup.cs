namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// What an app wants warmed before its first Lambda invocation. Asked once, after every hosted service has started
/// (so after start-up prewarming), and only on Lambda; register any number of them.
/// </summary>
public interface ILambdaWarmup
{
    IEnumerable<LambdaWarmupRequest> Requests();
}
