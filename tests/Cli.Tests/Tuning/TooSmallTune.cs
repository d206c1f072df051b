using System.Text.Json;
using MultiModel.Cli.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary>
/// One tune, shared by the tests that read its report: three models of about 44 MB each in equal shares, at 512 MB
/// (a 128 MB cache budget: two of them fit, so requests keep evicting and reloading) and at 1024 MB (640 MB: all fit).
/// Null <see cref="Report"/> with <see cref="Unavailable"/> saying why, where tune cannot run.
/// </summary>
public sealed class TooSmallTune : IAsyncLifetime
{
    private readonly TempStore _store = new();

    public string? Unavailable { get; } = TuneHost.Unavailable();

    public CliResult? Result { get; private set; }

    public JsonElement Report { get; private set; }

    public string OutFolder => Path.Combine(_store.Work, "report");

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        foreach (var (id, seed) in new[] { ("alpha", 1), ("beta", 2), ("gamma", 3) })
        {
            _store.AddVersion(id, 1, TestModelFactory.Mlp(1000, 11_000, 10, seed: seed));
        }

        Result = await new CliRunner().RunAsync(["tune", .. _store.Args, "--memory", "512,1024", "--requests", "18", "--host-dll", TuneHost.Dll, "--out", OutFolder]);
        Report = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutFolder, "report.json"))).RootElement;
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }
}
