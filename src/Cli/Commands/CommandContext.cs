using System.Text.Json;
using System.Text.Json.Serialization;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Commands;

/// <summary>One verb's run: where it writes, whether as one JSON document (<c>--json</c>), and the host's settings.</summary>
internal sealed class CommandContext(CliEnvironment environment, string verb, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for pipelines, not HTML
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // An output that is NaN on one side only differs by Infinity; JSON has no such number.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public CliEnvironment Environment => environment;

    public string Verb => verb;

    public bool Json => json;

    public TextWriter Out => environment.Out;

    public IConfiguration Settings { get; } = HostSettings.From(environment.Variables);

    public DateTimeOffset Now => environment.Time.GetUtcNow();

    /// <summary>A line for a person; nothing in <c>--json</c> mode, whose stdout is the one document.</summary>
    public void Line(string text = "")
    {
        if (!json)
        {
            environment.Out.WriteLine(text);
        }
    }

    /// <summary>The verb's one JSON document, written only in <c>--json</c> mode.</summary>
    public void Document<T>(T document)
    {
        if (json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
        }
    }

    /// <summary>A progress bar for <paramref name="totalBytes"/>, drawn only for a person at a terminal.</summary>
    public ProgressBar? Progress(string label, long totalBytes) =>
        !json && environment.OutIsTerminal ? new ProgressBar(environment.Out, label, totalBytes) : null;

    public IModelRepository OpenRepository(StoreArguments store, int partSizeMegabytes = RepositoryFactory.DefaultPartSizeMegabytes) =>
        RepositoryFactory.Open(store, Settings, partSizeMegabytes);
}
