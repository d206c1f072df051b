using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>The real ModelHost app, in process, on its own temporary model folder, with a fetch-counting store.</summary>
public sealed class ModelHostApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ModelHostApp(Dictionary<string, string?>? settings = null, bool fakeTime = false)
    {
        _settings = settings ?? [];
        Store = new CountingModelStore(Directory.CreateTempSubdirectory("modelhost-tests-").FullName);
        Time = fakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
    }

    /// <summary>
    /// Settings under which a model is charged exactly its file size (factor 1, no measurement), so which models fit
    /// the budget is known in advance.
    /// </summary>
    public static Dictionary<string, string?> ChargedByFileSize(int budgetMegabytes) => new()
    {
        ["ModelHost:Cache:BudgetMegabytes"] = budgetMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ModelHost:Cache:MemoryFactor"] = "1",
        ["ModelHost:Cache:MeasureLoadMemory"] = "false",
    };

    public CountingModelStore Store { get; }

    public FakeTimeProvider? Time { get; }

    public string StoreRoot => Store.Root;

    public ModelCache Cache => Services.GetRequiredService<ModelCache>();

    public string AddModel(string id, int version, byte[] model, string? labelsJson = null) =>
        MultiModel.TestModels.TestModelFactory.WriteToStore(StoreRoot, id, version, model, labelsJson);

    public string AddModel(string id, int version, MultiModel.TestModels.ExternalDataModel model) =>
        MultiModel.TestModels.TestModelFactory.WriteToStore(StoreRoot, id, version, model);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("ModelHost:Cache:RevalidateAfter", "00:00:30");
        // Resident memory here is the whole test process's, shared by every host and test running beside this one;
        // the guard on it is tested against a host of its own (LambdaSizedHostTests).
        builder.UseSetting("ModelHost:Cache:LimitResidentMemory", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IModelStore>(Store);
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(StoreRoot, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is harmless
        }
    }
}
