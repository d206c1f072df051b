namespace MultiModel.Cli.Tuning;

/// <summary>
/// What a price depends on besides the measurements: the prices, the share of requests that land on a new execution
/// environment (each pays the init and the first load of each model again), and an always-on alternative's hourly
/// price to break even against (null: none named).
/// </summary>
internal sealed record CostAssumptions(LambdaPrices Prices, double ColdStartRate, decimal? AlwaysOnHourly);
