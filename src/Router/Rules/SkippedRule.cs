namespace MultiModel.Router.Rules;

/// <summary>A stored rule that is not in force, and why: shown on /router/rules and logged once per change.</summary>
public sealed record SkippedRule(string Name, string Reason);
