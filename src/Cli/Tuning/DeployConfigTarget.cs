namespace MultiModel.Cli.Tuning;

/// <summary>
/// The function in deploy/multimodel.json whose <c>memoryMb</c> <c>tune --apply</c> writes: the shared ModelHost
/// function (<c>modelHost</c>), or one of <c>isolatedFunctions</c> by name. Checked before the tune runs, so a
/// mistyped name fails at once, not after minutes of measuring.
/// </summary>
internal sealed record DeployConfigTarget(string Path, string? Function)
{
    public string Describe() => Function is null ? "modelHost" : $"isolatedFunctions '{Function}'";

    public static DeployConfigTarget Check(string path, string? function)
    {
        var target = new DeployConfigTarget(System.IO.Path.GetFullPath(path), function);
        if (!File.Exists(target.Path))
        {
            throw new TuningException($"--config: {path} does not exist; expected the deployment config (deploy/multimodel.json) that --apply writes memoryMb into.");
        }

        DeployConfigEditor.Locate(File.ReadAllBytes(target.Path), target); // throws saying what is missing
        return target;
    }
}
