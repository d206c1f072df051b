namespace MultiModel.ModelHost.Models;

/// <summary>The store refused access to the model (a configuration problem, not a missing model).</summary>
public sealed class ModelStoreAccessDeniedException(string message, Exception? inner = null) : Exception(message, inner);
