namespace MultiModel.Cli.Validation;

/// <summary>The cache budget the candidate must fit, and where the figure comes from (the function's memory, a setting).</summary>
internal sealed record BudgetFigures(long Bytes, string Source);
