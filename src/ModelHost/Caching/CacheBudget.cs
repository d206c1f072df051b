using System.Globalization;

namespace MultiModel.ModelHost.Caching;

/// <summary>The cache budget in bytes, and where that figure came from (so messages can name the setting to change).</summary>
public sealed record CacheBudget(long Bytes, string Source)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>The budget of this process: from the settings, else from its environment and the memory it may use.</summary>
    public static CacheBudget Resolve(ModelCacheOptions options) =>
        Resolve(options, Environment.GetEnvironmentVariable, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    public static CacheBudget Resolve(ModelCacheOptions options, Func<string, string?> environment, long availableMemoryBytes)
    {
        if (options.BudgetMegabytes is { } configured)
        {
            return new(configured * Megabyte, $"{ModelCacheOptions.SectionName}:BudgetMegabytes = {configured}");
        }

        // Lambda sets the function's memory size; it is the hard limit the process is killed at.
        var lambdaMemory = environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        if (long.TryParse(lambdaMemory, NumberStyles.None, CultureInfo.InvariantCulture, out var lambdaMegabytes))
        {
            return new(
                Math.Max(lambdaMegabytes - options.HeadroomMegabytes, 64) * Megabyte,
                $"the function's {lambdaMegabytes} MB (AWS_LAMBDA_FUNCTION_MEMORY_SIZE) less {ModelCacheOptions.SectionName}:HeadroomMegabytes = {options.HeadroomMegabytes}");
        }

        return new(
            Math.Max(availableMemoryBytes / 2, 64 * Megabyte),
            $"half of the {availableMemoryBytes / Megabyte} MB available to the process; set {ModelCacheOptions.SectionName}:BudgetMegabytes to choose");
    }

    /// <summary>What is left for models once <paramref name="bytes"/> are set aside for <paramref name="purpose"/> (the setting that asks them).</summary>
    public CacheBudget Less(long bytes, string purpose) => bytes == 0 ? this : new(Bytes - bytes, $"{Source}, less {purpose}");

    public string Describe() => $"{Caching.ReadableBytes.Describe(Bytes)}, from {Source}";
}
