using MultiModel.ModelHost.Caching;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class CacheBudgetTests
{
    private const long Megabyte = 1024 * 1024;

    [Theory]
    [InlineData(512, "3008", 512)]   // configured wins, even on Lambda
    [InlineData(null, "3008", 2624)] // Lambda: memory size minus the 384 MB headroom
    [InlineData(null, "128", 64)]    // tiny functions keep a floor
    [InlineData(null, null, 4096)]   // elsewhere: half of the 8 GB available
    [InlineData(null, "not-a-number", 4096)]
    public void Resolve_FromSettingsAndEnvironment_GivesTheExpectedBudget(int? configuredMegabytes, string? lambdaMemory, long expectedMegabytes)
    {
        var options = new ModelCacheOptions { BudgetMegabytes = configuredMegabytes };

        var budget = CacheBudget.Resolve(options, name => name == "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" ? lambdaMemory : null, 8192 * Megabyte);

        Assert.Equal(expectedMegabytes * Megabyte, budget.Bytes);
    }

    [Theory]
    [InlineData(100, null, "ModelHost:Cache:BudgetMegabytes = 100")]
    [InlineData(null, "512", "the function's 512 MB (AWS_LAMBDA_FUNCTION_MEMORY_SIZE) less ModelHost:Cache:HeadroomMegabytes = 384")]
    [InlineData(null, null, "half of the 8192 MB available to the process")]
    public void Describe_NamesTheBudgetAsConfigured(int? configuredMegabytes, string? lambdaMemory, string expectedSource)
    {
        var options = new ModelCacheOptions { BudgetMegabytes = configuredMegabytes };

        var budget = CacheBudget.Resolve(options, name => name == "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" ? lambdaMemory : null, 8192 * Megabyte);

        Assert.Contains(expectedSource, budget.Describe(), StringComparison.Ordinal);
        Assert.StartsWith($"{budget.Bytes:N0} bytes", budget.Describe(), StringComparison.Ordinal);
    }
}
