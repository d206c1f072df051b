using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MultiModel.Architecture.Tests;

/// <summary>
/// One app's sources (src/{App}): the top-level folder of each file and the folders of the same app each file uses,
/// by a using, a fully qualified name, a name qualified from a parent namespace (<c>Inference.InvalidInputException</c>
/// inside MultiModel.ModelHost.Hosting), or, as a child namespace may without a using, a type of the app's root files.
/// </summary>
public sealed class AppSource
{
    /// <summary>The files directly in src/{App}: the composition root (Program.cs, registration, endpoint mapping).</summary>
    public const string Root = "(root files)";

    private readonly string[] _rootNamespace;
    private readonly List<(string Path, string Folder, string Text)> _files;
    private readonly Dictionary<string, HashSet<string>> _typesByFolder;

    public AppSource(string rootNamespace, IEnumerable<(string RelativePath, string Text)> files)
    {
        _rootNamespace = rootNamespace.Split('.');
        _files = [.. files.Select(f => (f.RelativePath, FolderOf(f.RelativePath), f.Text))];
        _typesByFolder = _files.GroupBy(f => f.Folder).ToDictionary(g => g.Key, g => g.SelectMany(f => DeclaredTypes(f.Text)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The app's top-level folders that hold C# files.</summary>
    public IEnumerable<string> Folders => _typesByFolder.Keys.Where(folder => folder != Root).Order(StringComparer.Ordinal);

    public static AppSource Load(string appDirectory, string rootNamespace) => new(rootNamespace,
        Directory.EnumerateFiles(appDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(appDirectory, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Select(path => (path, File.ReadAllText(Path.Combine(appDirectory, path)))));

    /// <summary>Every use of another top-level folder (or of the root files) by a file in a folder or in the root.</summary>
    public IEnumerable<FolderDependency> Dependencies() =>
        from file in _files
        from reference in NameReference.In(file.Text)
        let target = FolderOf(reference.Segments)
        where target is not null && target != file.Folder
        select new FolderDependency(file.Path, reference.Line, file.Folder, target, reference.ToString());

    private string? FolderOf(IReadOnlyList<string> name)
    {
        if (name.Count > _rootNamespace.Length && name.Take(_rootNamespace.Length).SequenceEqual(_rootNamespace, StringComparer.Ordinal))
        {
            var next = name[_rootNamespace.Length];
            return IsFolder(next) ? next : _typesByFolder.TryGetValue(Root, out var rootTypes) && rootTypes.Contains(next) ? Root : null;
        }

        if (name.Count >= 2 && IsFolder(name[0]) && _typesByFolder[name[0]].Contains(name[1]))
        {
            return name[0];
        }

        return _typesByFolder.TryGetValue(Root, out var types) && types.Contains(name[0]) ? Root : null;
    }

    private bool IsFolder(string name) => name != Root && _typesByFolder.ContainsKey(name);

    private static string FolderOf(string relativePath) => relativePath.Split('/') is { Length: > 1 } parts ? parts[0] : Root;

    private static IEnumerable<string> DeclaredTypes(string text) =>
        CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot().DescendantNodes()
            .OfType<BaseTypeDeclarationSyntax>()
            .Where(type => type.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .Select(type => type.Identifier.Text);
}
