using System.Diagnostics;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// A published app started as Lambda starts a .NET function from a container image: its entry assembly, with the
/// environment Lambda sets (the Runtime API address, the function's name, memory size and version, region, log
/// group). Its stdout (where Lambda's logs come from) is kept, line by line.
/// </summary>
public sealed class LambdaFunctionProcess : IAsyncDisposable
{
    private readonly OutputKeepingProcess _process;

    private LambdaFunctionProcess(OutputKeepingProcess process) => _process = process;

    public IReadOnlyList<string> Output => _process.Output;
    public bool HasExited => _process.Process.HasExited;

    public static LambdaFunctionProcess Start(string directory, string assembly, RuntimeApiStandIn runtimeApi, int memoryMegabytes, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, assembly)]) { WorkingDirectory = directory };
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Address,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "modelhost-test",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memoryMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/modelhost-test",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/30/[$LATEST]0123456789abcdef",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet10",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["LAMBDA_TASK_ROOT"] = directory,
            ["TZ"] = ":UTC",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new LambdaFunctionProcess(new OutputKeepingProcess(start));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
