namespace MultiModel.Cli.Validation;

/// <summary>A model version as files on this machine: the model, its optional labels.json, and other files beside it (external data).</summary>
internal sealed record CandidateFiles(string Model, string? Labels, IReadOnlyList<string> Extras)
{
    /// <summary>What a store counts as the model's size: the model file and its external data, not the sidecar.</summary>
    public long ModelBytes => new FileInfo(Model).Length + Extras.Sum(extra => new FileInfo(extra).Length);

    /// <summary>The first file given that does not exist; null when all do.</summary>
    public string? Missing => new[] { Model, Labels }.Concat(Extras).OfType<string>().FirstOrDefault(path => !File.Exists(path));
}
