using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Tuning;

/// <summary>Which host build a tune runs, and the settings that point it at the tool's store.</summary>
internal static class TuneHostDll
{
    private const string BuiltHost = "src/ModelHost/bin/Release/net10.0/ModelHost.dll";

    /// <summary>The given dll, else the Release build of the clone the current folder (or this tool) is in.</summary>
    public static string Resolve(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given)
                : throw new TuningException($"--host-dll: {given} does not exist; expected the host's ModelHost.dll (dotnet build -c Release src/ModelHost, or an image's published output).");
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, BuiltHost);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new TuningException($"No host build found ({BuiltHost} in this clone): build it with 'dotnet build -c Release src/ModelHost', or give --host-dll PATH.");
    }

    /// <summary>The host's store settings as environment variables, naming the same folder or bucket the tool opened.</summary>
    public static IReadOnlyDictionary<string, string> StoreSettings(IModelRepository repository) => repository switch
    {
        LocalModelRepository => new Dictionary<string, string>
        {
            ["ModelHost__Store__Kind"] = "Local",
            ["ModelHost__Store__LocalRoot"] = repository.Location,
        },
        S3ModelRepository s3 => s3.HostSettings(),
        _ => throw new TuningException($"tune cannot point a host at {repository.Location}."),
    };
}
