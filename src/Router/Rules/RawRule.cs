namespace MultiModel.Router.Rules;

/// <summary>A rule as a source stores it, before parsing.</summary>
public sealed record RawRule(string Name, string Json, string Version);
