using Microsoft.Extensions.Primitives;

namespace MultiModel.Router.Rules.Sources;

// The contract every rule source implements: the interface and what it returns or throws, in one file.

/// <summary>Where rules are stored. Throws <see cref="RuleSourceException"/> when the store cannot be read at all.</summary>
public interface IRuleSource
{
    /// <summary>Names the store in logs and error bodies, e.g. "ssm:/multimodel/routes".</summary>
    string Description { get; }

    Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Fires when the store signals a change (a file write); null for stores that are only polled.</summary>
    IChangeToken? Watch();
}

/// <summary>Everything a source returned in one read.</summary>
/// <param name="Unreadable">Entries the source itself could not hand over as rule text (e.g. a SecureString).</param>
/// <param name="Fingerprint">Changes whenever any rule's content changes (SSM: names and versions; file: content hash).</param>
public sealed record RuleSourceSnapshot(IReadOnlyList<RawRule> Rules, IReadOnlyList<SkippedRule> Unreadable, string Fingerprint);

/// <summary>A rule as a source stores it, before parsing.</summary>
public sealed record RawRule(string Name, string Json, string Version);

/// <summary>The store as a whole could not be read; the previous snapshot stays in force.</summary>
public sealed class RuleSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
