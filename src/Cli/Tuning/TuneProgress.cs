namespace MultiModel.Cli.Tuning;

/// <summary>Where a tune is: steps done of all it will do (each host's start and each request), and what it does now.</summary>
internal readonly record struct TuneProgress(int Done, int Total, string Doing);
