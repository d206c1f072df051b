namespace MultiModel.ModelHost.Models;

/// <summary>The model id or version does not exist in the store (404).</summary>
public sealed class ModelNotFoundException(string message) : Exception(message);
