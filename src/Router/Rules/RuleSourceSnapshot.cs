namespace MultiModel.Router.Rules;

/// <summary>Everything a source returned in one read.</summary>
/// <param name="Unreadable">Entries the source itself could not hand over as rule text (e.g. a SecureString).</param>
/// <param name="Fingerprint">Changes whenever any rule's content changes (SSM: names and versions; file: content hash).</param>
public sealed record RuleSourceSnapshot(IReadOnlyList<RawRule> Rules, IReadOnlyList<SkippedRule> Unreadable, string Fingerprint);
