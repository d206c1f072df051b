namespace MultiModel.ModelHost.Api;

public sealed record PrewarmOutcome(string Model, int? Version, int Status, string? Error);
