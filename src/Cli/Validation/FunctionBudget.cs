using System.Globalization;
using MultiModel.ModelHost.Caching;

namespace MultiModel.Cli.Validation;

/// <summary>
/// The cache budget a host would have, worked out by the host's own rule (<see cref="CacheBudget.Resolve(ModelCacheOptions, Func{string, string?}, long)"/>):
/// for <c>--memory-mb N</c>, what a Lambda function of N MB derives (N less <c>ModelHost:Cache:HeadroomMegabytes</c>);
/// without it, the host's settings in this environment; with none of those, a function of the deploy stack's default size.
/// </summary>
internal static class FunctionBudget
{
    /// <summary>The deploy stack's default function memory (its ModelHostMemoryMb parameter).</summary>
    public const int DefaultFunctionMegabytes = 3008;

    private const string LambdaMemoryVariable = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    public static CacheBudget Resolve(int? memoryMegabytes, IConfiguration settings)
    {
        var options = settings.GetSection(ModelCacheOptions.SectionName).Get<ModelCacheOptions>() ?? new ModelCacheOptions();
        if (memoryMegabytes is { } given)
        {
            options.BudgetMegabytes = null; // the question asked is what a function of this size derives
            return CacheBudget.Resolve(options, Lambda(given), availableMemoryBytes: 0);
        }

        if (options.BudgetMegabytes is not null || settings[LambdaMemoryVariable] is not null)
        {
            return CacheBudget.Resolve(options, name => settings[name], availableMemoryBytes: 0);
        }

        var budget = CacheBudget.Resolve(options, Lambda(DefaultFunctionMegabytes), availableMemoryBytes: 0);
        return budget with { Source = $"{budget.Source}: the deploy stack's default size; give --memory-mb for your function's" };
    }

    private static Func<string, string?> Lambda(int megabytes) =>
        name => name == LambdaMemoryVariable ? megabytes.ToString(CultureInfo.InvariantCulture) : null;
}
