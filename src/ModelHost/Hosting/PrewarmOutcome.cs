namespace MultiModel.ModelHost.Hosting;

public sealed record PrewarmOutcome(string Model, int? Version, int Status, string? Error);
