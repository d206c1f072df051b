using System.CommandLine;
using System.Globalization;
using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Commands;

/// <summary><c>tune</c>'s options: what to replay at which sizes, how to price and choose, and where to write the report.</summary>
internal sealed class TuneOptions
{
    public readonly Option<string?> Workload = new("--workload") { Description = "A JSON Lines file of requests ({\"model\", \"body\", \"weight\"}) or data capture records; default: every model of the store in equal shares, inputs made from its signature." };
    public readonly Option<string> Memory = new("--memory") { Description = "Lambda memory sizes to try, MB, comma-separated.", DefaultValueFactory = _ => "512,1024,1769,3008" };
    public readonly Option<int> Requests = new("--requests") { Description = "Requests each size is sent, drawn from the workload by weight.", DefaultValueFactory = _ => 200 };
    public readonly Option<int> Seed = new("--seed") { Description = "Seed of the draw: the same seed, the same requests in the same order.", DefaultValueFactory = _ => 1 };
    public readonly Option<string?> Out = new("--out") { Description = "A folder to write report.json, report.html and power-tuning-input.json to." };
    public readonly Option<string?> HostDll = new("--host-dll") { Description = "The ModelHost.dll to run (default: src/ModelHost/bin/Release/net10.0/ModelHost.dll of this clone)." };
    public readonly Option<string> Architecture = new("--architecture") { Description = "The architecture whose prices the strategies rank by.", DefaultValueFactory = _ => "arm64" };
    public readonly Option<string> Strategy = new("--strategy") { Description = "The strategy whose size --apply writes.", DefaultValueFactory = _ => Tuning.Strategy.Cost };
    public readonly Option<double> BalancedWeight = new("--balanced-weight") { Description = "The balanced strategy's weight: 0 is speed, 1 is cost.", DefaultValueFactory = _ => 0.5 };
    public readonly Option<double> ColdStartRate = new("--cold-start-rate") { Description = "Share of requests that start a new environment (each pays the init and its models' first loads).", DefaultValueFactory = _ => 0.01 };
    public readonly Option<double> HitRatioThreshold = new("--hit-ratio-threshold") { Description = "A size whose cache hit ratio is under this is warned of: its budget cannot hold the hot models.", DefaultValueFactory = _ => 0.9 };
    public readonly Option<decimal?> AlwaysOnHourly = new("--always-on-hourly") { Description = "An always-on alternative's price per hour, USD: the report gives the requests a day below which the function is cheaper." };
    public readonly Option<decimal?> PriceX86 = new("--price-x86") { Description = $"USD per GB-second on x86_64 (default {LambdaPrices.UsEast1.X86PerGbSecond}, {LambdaPrices.UsEast1.Region}, {LambdaPrices.UsEast1.TakenOn})." };
    public readonly Option<decimal?> PriceArm64 = new("--price-arm64") { Description = $"USD per GB-second on arm64 (default {LambdaPrices.UsEast1.Arm64PerGbSecond})." };
    public readonly Option<decimal?> PriceRequests = new("--price-requests") { Description = $"USD per million requests (default {LambdaPrices.UsEast1.PerMillionRequests})." };
    public readonly Option<bool> Apply = new("--apply") { Description = "Write the chosen size (--strategy) into the deployment config as memoryMb." };
    public readonly Option<string> Config = new("--config") { Description = "The deployment config --apply writes.", DefaultValueFactory = _ => "deploy/multimodel.json" };
    public readonly Option<string?> Function = new("--function") { Description = "The isolated function in the config whose memoryMb --apply sets (default: modelHost, the shared function)." };
    public readonly Option<int> ReadySeconds = new("--ready-timeout") { Description = "Seconds a host may take to become ready.", DefaultValueFactory = _ => 120 };
    public readonly Option<int> RequestSeconds = new("--request-timeout") { Description = "Seconds one request may take.", DefaultValueFactory = _ => 60 };

    public TuneOptions(Command command)
    {
        Architecture.AcceptOnlyFromAmong("arm64", "x86_64");
        Strategy.AcceptOnlyFromAmong(Tuning.Strategy.Cost, Tuning.Strategy.Speed, Tuning.Strategy.Balanced);
        foreach (var option in new Option[] { Workload, Memory, Requests, Seed, Out, HostDll, Architecture, Strategy, BalancedWeight, ColdStartRate, HitRatioThreshold, AlwaysOnHourly, PriceX86, PriceArm64, PriceRequests, Apply, Config, Function, ReadySeconds, RequestSeconds })
        {
            command.Options.Add(option);
        }
    }

    public IReadOnlyList<FunctionSize> Sizes(ParseResult parse) => FunctionSize.ParseList(parse.GetValue(Memory)!, Environment.ProcessorCount);

    public int RequestCount(ParseResult parse)
    {
        var count = parse.GetValue(Requests);
        return count is >= 1 and <= 1_000_000 ? count : throw new CliException($"--requests {count}: expected 1 to 1,000,000 requests per size.");
    }

    public TuneReportBuilder.Choices Choices(ParseResult parse)
    {
        var prices = LambdaPrices.UsEast1;
        prices = prices with
        {
            X86PerGbSecond = Positive(parse.GetValue(PriceX86), "--price-x86") ?? prices.X86PerGbSecond,
            Arm64PerGbSecond = Positive(parse.GetValue(PriceArm64), "--price-arm64") ?? prices.Arm64PerGbSecond,
            PerMillionRequests = Positive(parse.GetValue(PriceRequests), "--price-requests") ?? prices.PerMillionRequests,
        };
        if (prices != LambdaPrices.UsEast1)
        {
            prices = prices with { Region = "given on the command line", TakenOn = "given on the command line" };
        }

        return new TuneReportBuilder.Choices(
            new CostAssumptions(prices, Share(parse.GetValue(ColdStartRate), "--cold-start-rate"), Positive(parse.GetValue(AlwaysOnHourly), "--always-on-hourly")),
            parse.GetValue(Architecture) == "x86_64" ? CpuArchitecture.X86_64 : CpuArchitecture.Arm64,
            Share(parse.GetValue(HitRatioThreshold), "--hit-ratio-threshold"),
            Share(parse.GetValue(BalancedWeight), "--balanced-weight"));
    }

    private static double Share(double value, string option) => value is >= 0 and <= 1 ? value
        : throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: expected a share from 0 to 1, e.g. 0.01."));

    private static decimal? Positive(decimal? value, string option) => value is null or > 0 ? value
        : throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: expected a price above 0, in USD."));
}
