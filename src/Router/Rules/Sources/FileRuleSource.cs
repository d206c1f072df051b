using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using MultiModel.Router.Logging;

namespace MultiModel.Router.Rules.Sources;

/// <summary>
/// Rules from a JSON file: <c>{"rules": {"name": {rule}, ...}}</c>, the same rule JSON as one SSM parameter each,
/// keyed by the name the parameter would have.
/// </summary>
public sealed class FileRuleSource : IRuleSource, IDisposable
{
    private readonly string _path;
    private readonly PhysicalFileProvider? _watcher;

    public FileRuleSource(IOptions<RulesOptions> options, IHostEnvironment environment, ILogger<FileRuleSource> logger)
    {
        var location = RulesFileLocation.Resolve(options.Value.FilePath, environment.ContentRootPath, AppContext.BaseDirectory);
        _path = location.Path;
        var directory = Path.GetDirectoryName(_path);
        _watcher = directory is not null && Directory.Exists(directory) ? new PhysicalFileProvider(directory) : null;
        // Said once at start: with two copies of routes.json about (source and build output), which one counts is not obvious.
        RouterLog.RulesFileWatched(logger, _path, location.Origin, _watcher is not null);
    }

    public string Description => $"file:{_path}";

    public async Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(_path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RuleSourceException($"Rules file '{_path}' could not be read: {ex.Message}", ex);
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        var rules = new List<RawRule>();
        try
        {
            using var doc = JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("rules", out var rulesElement)
                || rulesElement.ValueKind != JsonValueKind.Object)
            {
                throw new RuleSourceException($"Rules file '{_path}' must be an object with a \"rules\" object: {{\"rules\": {{\"name\": {{...}}}}}}");
            }

            foreach (var rule in rulesElement.EnumerateObject())
            {
                rules.Add(new RawRule(rule.Name, rule.Value.GetRawText(), version));
            }
        }
        catch (JsonException ex)
        {
            throw new RuleSourceException($"Rules file '{_path}' is not valid JSON: {ex.Message}", ex);
        }

        return new RuleSourceSnapshot(rules, [], version);
    }

    public IChangeToken? Watch()
    {
        try
        {
            return _watcher?.Watch(Path.GetFileName(_path));
        }
        catch (IOException)
        {
            // e.g. the inotify instance limit is reached: the poll interval still picks changes up.
            return null;
        }
    }

    public void Dispose() => _watcher?.Dispose();
}
