namespace MultiModel.Architecture.Tests;

/// <summary>A file in folder <paramref name="From"/> of an app uses folder <paramref name="To"/> of the same app.</summary>
/// <param name="File">Path relative to src/{App}.</param>
/// <param name="Name">The name as the file wrote it, e.g. <c>MultiModel.Router.Rules</c>.</param>
public sealed record FolderDependency(string File, int Line, string From, string To, string Name);
