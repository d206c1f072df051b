using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

public sealed class ModelsApiTests
{
    [Fact]
    public async Task ListLoaded_AfterAPrediction_ShowsEachChargeAndTheProcessMemoryBesideTheBudget()
    {
        using var app = new ModelHostApp(new() { ["ModelHost:Cache:BudgetMegabytes"] = "64" });
        app.AddModel("m", 1, TestModelFactory.Mlp(2, 8, 2));
        var client = app.CreateClient();
        await client.PredictRawAsync("/models/m/predict", """{"inputs":{"x":[[0.5,-0.5]]}}""");

        var cache = await (await client.GetAsync("/models")).JsonAsync();

        Assert.Equal(64L * 1024 * 1024, cache.GetProperty("budgetBytes").GetInt64());
        Assert.Equal("ModelHost:Cache:BudgetMegabytes = 64", cache.GetProperty("budgetSource").GetString());
        var memory = cache.GetProperty("memory");
        var baseResident = memory.GetProperty("baseResidentBytes").GetInt64();
        Assert.True(baseResident > 0);
        Assert.True(memory.GetProperty("residentBytes").GetInt64() > 0);
        Assert.Equal(baseResident + (64L * 1024 * 1024), memory.GetProperty("residentLimitBytes").GetInt64());
        Assert.True(memory.GetProperty("managedHeapBytes").GetInt64() > 0);
        var model = Assert.Single(cache.GetProperty("models").EnumerateArray());
        Assert.Equal(model.GetProperty("chargeBytes").GetInt64(), model.GetProperty("measuredBytes").GetInt64());
    }
}
