using System.Globalization;

namespace MultiModel.ModelHost.Caching;

/// <summary>Works out the cache budget in bytes from configuration and the environment the process runs in.</summary>
public static class CacheBudget
{
    private const long Megabyte = 1024 * 1024;

    public static long Resolve(ModelCacheOptions options, Func<string, string?> environment, long availableMemoryBytes)
    {
        if (options.BudgetMegabytes is { } configured)
        {
            return configured * Megabyte;
        }

        // Lambda sets the function's memory size; it is the hard limit the process is killed at.
        var lambdaMemory = environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        if (long.TryParse(lambdaMemory, NumberStyles.None, CultureInfo.InvariantCulture, out var lambdaMegabytes))
        {
            return Math.Max(lambdaMegabytes - options.HeadroomMegabytes, 64) * Megabyte;
        }

        return Math.Max(availableMemoryBytes / 2, 64 * Megabyte);
    }
}
