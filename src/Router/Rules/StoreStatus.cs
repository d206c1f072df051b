namespace MultiModel.Router.Rules;

/// <summary>When the rules were last read (tried, succeeded, changed), and the last read error (cleared by a good read).</summary>
public sealed record StoreStatus(DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastChangeAt, string? LastError);
