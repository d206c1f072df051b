using System.Globalization;

namespace MultiModel.Bench.ColdStart;

/// <summary>One app to start and the request that proves it is ready.</summary>
internal sealed record Target(string Name, string Dll, Uri Url, HttpMethod Method, string Path, string? Body);

internal sealed record ColdStartOptions(Target App, Target Baseline, int Runs, TimeSpan Timeout, IReadOnlyDictionary<string, string> Environment)
{
    public const string Usage = """
        usage: ColdStart --app <dll> --url <http://127.0.0.1:port> --request "<METHOD> <path>" [--body <json>|@<file>]
                         --baseline <dll> [--baseline-url <url>] [--baseline-request "<METHOD> <path>"] [--baseline-body <json>]
                         [--runs 7] [--timeout-seconds 60] [--env NAME=value]...
        Starts each app with `dotnet <dll> --urls <url>` from the dll's folder, alternating app and baseline, and times
        process start to the first 2xx answer to its request. Prints each run, the medians and their ratio.
        --env sets a variable for both apps (e.g. a runtime knob such as DOTNET_TieredPGO=0), so the ratio stays fair.
        """;

    public static ColdStartOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            }

            if (args[i] == "--env")
            {
                var pair = args[i + 1].Split('=', 2);
                environment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException($"--env '{args[i + 1]}' must be NAME=value");
                continue;
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        var url = new Uri(Required("url"));
        var app = CreateTarget("app", Required("app"), url, Required("request"), values.GetValueOrDefault("body"));
        var baselineUrl = values.TryGetValue("baseline-url", out var b) ? new Uri(b) : new UriBuilder(url) { Port = url.Port + 1 }.Uri;
        var baseline = CreateTarget("baseline", Required("baseline"), baselineUrl,
            values.GetValueOrDefault("baseline-request", "POST /ping"), values.GetValueOrDefault("baseline-body"));
        var runs = int.Parse(values.GetValueOrDefault("runs", "7"), CultureInfo.InvariantCulture);
        var timeout = TimeSpan.FromSeconds(int.Parse(values.GetValueOrDefault("timeout-seconds", "60"), CultureInfo.InvariantCulture));
        return runs < 1 ? throw new ArgumentException("--runs must be at least 1") : new ColdStartOptions(app, baseline, runs, timeout, environment);
    }

    private static Target CreateTarget(string name, string dll, Uri url, string request, string? body)
    {
        var parts = request.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"request '{request}' must be '<METHOD> <path>'");
        }

        if (!File.Exists(dll))
        {
            throw new ArgumentException($"{name}: {dll} does not exist (publish it first)");
        }

        var text = body is not null && body.StartsWith('@') ? File.ReadAllText(body[1..]) : body;
        return new Target(name, Path.GetFullPath(dll), url, new HttpMethod(parts[0]), parts[1], text);
    }
}
