namespace MultiModel.ModelHost.Inference;

/// <summary>A label and the score the model gave it.</summary>
public readonly record struct RankedLabel(string Label, float Score);
