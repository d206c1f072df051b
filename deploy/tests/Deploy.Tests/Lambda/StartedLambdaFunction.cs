using Xunit.Abstractions;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>A started function and its Runtime API; disposing stops both and shows the function's output in the test's.</summary>
internal sealed class StartedLambdaFunction(RuntimeApiStandIn runtimeApi, LambdaFunctionProcess process, ITestOutputHelper output) : IAsyncDisposable
{
    public RuntimeApiStandIn RuntimeApi { get; } = runtimeApi;

    public LambdaFunctionProcess Process { get; } = process;

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await RuntimeApi.DisposeAsync();
        foreach (var line in Process.Output.TakeLast(40))
        {
            output.WriteLine(line);
        }
    }
}
