namespace MultiModel.Architecture.Tests;

/// <summary>
/// An app's top-level folders, top first. A folder may use the folders below it, never one above it, nor the app's
/// root files (the composition root, which may use every folder). A folder missing from the order is reported too,
/// so a new folder cannot slip past the check.
/// </summary>
public sealed record LayerOrder(string App, params string[] TopDown)
{
    public IEnumerable<string> Violations(AppSource source)
    {
        foreach (var folder in source.Folders.Where(f => !TopDown.Contains(f)))
        {
            yield return $"src/{App}/{folder}/ is not in {App}'s declared order ({this}); place it there.";
        }

        foreach (var dependency in source.Dependencies().Where(d => d.From != AppSource.Root))
        {
            var from = Array.IndexOf(TopDown, dependency.From);
            var to = Array.IndexOf(TopDown, dependency.To);
            var at = $"src/{App}/{dependency.File}:{dependency.Line}";
            if (dependency.To == AppSource.Root)
            {
                yield return $"{at}: {dependency.From} -> {AppSource.Root} ({dependency.Name}); only the root files may use the others.";
            }
            else if (from >= 0 && to >= 0 && to < from)
            {
                yield return $"{at}: {dependency.From} -> {dependency.To} ({dependency.Name}) points up; {App}'s order is {this}.";
            }
        }
    }

    public override string ToString() => string.Join(" -> ", TopDown);
}
