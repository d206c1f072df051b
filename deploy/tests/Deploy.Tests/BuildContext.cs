using System.Diagnostics;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// What the Docker build context holds (.dockerignore: the root build files, the publish script and src/ without
/// bin/obj), copied to a folder of its own so a build there neither reads nor writes the repository's bin/obj; and
/// running a command in it.
/// </summary>
internal static class BuildContext
{
    public static string CopyToTemp(string prefix)
    {
        var work = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "scripts/publish.sh", "scripts/linux-natives.targets" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, file))!);
            File.Copy(RepositoryPaths.Of(file), Path.Combine(work, file));
        }

        var source = RepositoryPaths.Of("src");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var segments = relative.Split(Path.DirectorySeparatorChar);
            if (segments.Contains("bin") || segments.Contains("obj"))
            {
                continue;
            }

            var target = Path.Combine(work, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target);
            }
            catch (FileNotFoundException)
            {
                // An editor's temporary file that vanished between listing and copying; not part of the build.
            }
        }

        return work;
    }

    public static void Delete(string work)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public static (int ExitCode, string Log) Run(string directory, IReadOnlyDictionary<string, string>? environment, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own build; a nested dotnet must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} {string.Join(' ', arguments)} timed out after 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
