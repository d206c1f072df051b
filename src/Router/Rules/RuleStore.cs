namespace MultiModel.Router.Rules;

/// <summary>
/// Holds the snapshot in force. Readers take <see cref="Current"/> once per request and use that table throughout,
/// so a swap mid-request cannot mix rules.
/// </summary>
public sealed class RuleStore
{
    private RuleTable? _current;
    private StoreStatus _status = new(null, null, null, null);

    /// <summary>Null until the first successful load.</summary>
    public RuleTable? Current => Volatile.Read(ref _current);

    public StoreStatus Status => Volatile.Read(ref _status);

    /// <summary>Records a successful read; swaps the table only when <paramref name="table"/> is not null.</summary>
    public void Succeeded(RuleTable? table, DateTimeOffset at)
    {
        if (table is not null)
        {
            Volatile.Write(ref _current, table);
        }

        Volatile.Write(ref _status, new StoreStatus(at, at, table is not null ? at : Status.LastChangeAt, null));
    }

    /// <summary>Records a failed read; the current table stays in force.</summary>
    public void Failed(string reason, DateTimeOffset at) =>
        Volatile.Write(ref _status, Status with { LastAttemptAt = at, LastError = $"{at:O} {reason}" });
}
