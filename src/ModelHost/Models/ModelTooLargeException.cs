namespace MultiModel.ModelHost.Models;

/// <summary>The model cannot fit in the memory budget even with every other model evicted (507).</summary>
public sealed class ModelTooLargeException(string message) : Exception(message);
