using MultiModel.TestModels;

namespace MultiModel.Cli.Tests.Support;

/// <summary>A local model store in a temporary folder, and a work folder beside it for files a user would publish.</summary>
public sealed class TempStore : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cli-tests-");

    public TempStore()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Work);
    }

    public string Root => Path.Combine(_directory.FullName, "store");

    public string Work => Path.Combine(_directory.FullName, "work");

    /// <summary>The arguments that select this store.</summary>
    public string[] Args => ["--store", "local", "--root", Root];

    public string AddVersion(string id, int version, byte[] model, string? labelsJson = null) =>
        TestModelFactory.WriteToStore(Root, id, version, model, labelsJson);

    /// <summary>A file in the work folder, as a user's trained model would be.</summary>
    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string PolicyPath(string id) => Path.Combine(Root, id, "rollout.json");

    public string VersionFolder(string id, int version) => Path.Combine(Root, id, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => _directory.Delete(recursive: true);
}
