using System.Globalization;

namespace MultiModel.Router.Benchmarks;

/// <summary>Command-line settings; every one has a default that runs in about a minute on 2 cores.</summary>
public sealed record BenchOptions(
    int Rounds,
    int Requests,
    int Warmup,
    int Concurrency,
    TimeSpan Duration,
    bool PerRequestLogs,
    string? External,
    string Model,
    string Body,
    string? Profile)
{
    public const string DefaultBody = """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2]]}}""";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Rounds: Int("--rounds", 7),
            Requests: Int("--requests", 2000),
            Warmup: Int("--warmup", 2000),
            Concurrency: Int("--concurrency", 16),
            Duration: TimeSpan.FromSeconds(Int("--seconds", 3)),
            PerRequestLogs: !args.Contains("--quiet-logs"),
            External: Value("--external"),
            Model: Value("--model") ?? "iris",
            Body: Value("--body") ?? DefaultBody,
            Profile: Value("--profile"));
    }
}
