namespace MultiModel.Router.Rules.Sources;

/// <summary>
/// Which file <c>Router:Rules:FilePath</c> names. A relative path is looked up under the content root first:
/// <c>dotnet run --project src/Router</c> makes that the project folder, so the <c>src/Router/routes.json</c> the docs
/// tell people to edit is the one read and watched, not the build's copy in <c>bin/</c>. Where the content root has no
/// such file (a deployed app started from another folder, as the Lambda image's router is), the app folder's copy
/// serves, as it always did.
/// </summary>
/// <param name="Path">The full path read and watched.</param>
/// <param name="Origin">What the path was resolved against, for the start-up line: "file system root" (it was absolute), "content root" or "app folder".</param>
public sealed record RulesFileLocation(string Path, string Origin)
{
    public static RulesFileLocation Resolve(string configured, string contentRoot, string appFolder)
    {
        if (System.IO.Path.IsPathFullyQualified(configured))
        {
            return new(System.IO.Path.GetFullPath(configured), "file system root");
        }

        var underContentRoot = System.IO.Path.GetFullPath(configured, contentRoot);
        var underAppFolder = System.IO.Path.GetFullPath(configured, appFolder);
        return File.Exists(underContentRoot) || !File.Exists(underAppFolder)
            ? new(underContentRoot, "content root") // also when neither exists: the error then names where it was expected
            : new(underAppFolder, "app folder");
    }
}
