using MultiModel.Cli.Commands;
#if LAMBDA_HOSTING
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Microsoft.Extensions.Logging;
using MultiModel.Cli.Stores;
#endif

namespace MultiModel.Cli.Advancer;

/// <summary>
/// The tool as the stack's rollout advancer: started by Lambda with <c>MULTIMODEL_LAMBDA=advance</c>, it serves events
/// through Amazon.Lambda.RuntimeSupport's bootstrap instead of reading a command line. The bootstrap is compiled only
/// with <c>-p:LambdaHosting=true</c> (the Dockerfile's build), because the registry used for development and CI does
/// not serve Amazon.Lambda.*; a build without it says so and exits with <see cref="ExitCodes.Error"/>.
/// </summary>
internal static class AdvancerLambda
{
    /// <summary>Set by the stack on the advancer's function (deploy/src/Deploy, AdvancerEvent).</summary>
    public const string ModeVariable = "MULTIMODEL_LAMBDA";

    public const string Mode = "advance";

    public const string AlarmPrefixVariable = "MULTIMODEL_CANDIDATE_ALARM_PREFIX";

    /// <summary>Set by Lambda for the runtime of every function; without it there is no one to ask for events.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    public static async Task<int> RunAsync(CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var mode = environment.Variable(ModeVariable);
        if (mode != Mode)
        {
            await environment.Error.WriteLineAsync($"error: {ModeVariable}='{mode}' is not a mode of this tool; the only one is '{Mode}' (unset it to use the command line).");
            return ExitCodes.Error;
        }

#if LAMBDA_HOSTING
        if (string.IsNullOrEmpty(environment.Variable(RuntimeApiVariable)))
        {
            await environment.Error.WriteLineAsync($"error: {ModeVariable}={Mode} serves Lambda events, but {RuntimeApiVariable} is not set: this is not a Lambda runtime. By hand, run 'multimodel advance --id ID'.");
            return ExitCodes.Error;
        }

        if (environment.Variable(AlarmPrefixVariable) is not { Length: > 0 } prefix)
        {
            await environment.Error.WriteLineAsync($"error: {AlarmPrefixVariable} is not set, so a candidate alarm's name cannot be turned into its model (the stack sets it to '{{stack}}-').");
            return ExitCodes.Error;
        }

        IModelRepository repository;
        try
        {
            // Opened once for the environment's life: warm invocations reuse the S3 client and its connections.
            repository = RepositoryFactory.Open(StoreArguments.None, HostSettings.From(environment.Variables));
        }
        catch (StoreException exception)
        {
            await environment.Error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Error;
        }

        using (repository)
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddJsonConsole()))
        {
            var handler = new AdvancerHandler(repository, prefix, environment.Time, loggerFactory.CreateLogger("MultiModel.Advancer"));
            Func<Stream, ILambdaContext, Task<Stream>> invoke = async (input, context) =>
            {
                using var reader = new StreamReader(input);
                using var deadline = new CancellationTokenSource(context.RemainingTime);
                var result = await handler.HandleAsync(await reader.ReadToEndAsync(deadline.Token), deadline.Token);

                // Failing the invocation (not answering an error document) is what makes Lambda retry it and counts it
                // in the function's Errors metric, which its alarm watches.
                return result.Succeeded
                    ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(result.ToJson()))
                    : throw new AdvancerFailedException(result.ToJson());
            };
            using var bootstrap = LambdaBootstrapBuilder.Create(invoke).Build();
            await bootstrap.RunAsync(cancellationToken);
        }

        return ExitCodes.Success;
#else
        await environment.Error.WriteLineAsync(
            $"error: {ModeVariable}={Mode}, but this build of multimodel lacks Lambda hosting (it was built without -p:LambdaHosting=true, " +
            "which the Dockerfile sets). By hand, run 'multimodel advance --id ID --alarm ok|alarm'.");
        return ExitCodes.Error;
#endif
    }
}
