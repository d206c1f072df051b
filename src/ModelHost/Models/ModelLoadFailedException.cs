namespace MultiModel.ModelHost.Models;

/// <summary>The bytes were fetched but ONNX Runtime could not load them (corrupt or unsupported model).</summary>
public sealed class ModelLoadFailedException(string message, Exception? inner = null) : Exception(message, inner);
