namespace MultiModel.Cli.Tuning;

/// <summary>
/// How a tune runs: the host build to start, the settings it gets (the store's, as environment variables), how many
/// requests each size is sent (drawn with <see cref="Seed"/>), and how long a start or a request may take.
/// </summary>
internal sealed record TuneSettings(
    string HostDll,
    IReadOnlyDictionary<string, string> HostSettings,
    int Requests,
    int Seed,
    TimeSpan ReadyTimeout,
    TimeSpan RequestTimeout,
    string LogFolder);
