using MultiModel.Cli.Advancer;
using MultiModel.Cli.Commands;
using MultiModel.ModelHost.Caching;

namespace MultiModel.Cli;

/// <summary>The <c>multimodel</c> executable (named, so that it is not the ModelHost's global <c>Program</c> to whoever references both).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // As the host does before ONNX Runtime allocates anything, so that memory is measured and returned the same way.
        ProcessMemory.ReturnFreedMemoryToTheSystem();
        var environment = CliEnvironment.FromProcess();

        // The advancer's function sets this; there Lambda, not a command line, says what to do.
        return environment.Variable(AdvancerLambda.ModeVariable) is not null
            ? await AdvancerLambda.RunAsync(environment)
            : await CliApp.RunAsync(args, environment);
    }
}
