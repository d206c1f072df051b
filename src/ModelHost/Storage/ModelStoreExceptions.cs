namespace MultiModel.ModelHost.Storage;

/// <summary>The model id or version does not exist in the store (404).</summary>
public sealed class ModelNotFoundException(string message) : Exception(message);

/// <summary>The model cannot fit in the memory budget even with every other model evicted (507).</summary>
public sealed class ModelTooLargeException(string message) : Exception(message);

/// <summary>The store is unreachable or too slow right now; the caller may retry later (503 with Retry-After).</summary>
public sealed class ModelStoreUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The store refused access to the model (a configuration problem, not a missing model).</summary>
public sealed class ModelStoreAccessDeniedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The bytes were fetched but ONNX Runtime could not load them (corrupt or unsupported model).</summary>
public sealed class ModelLoadFailedException(string message, Exception? inner = null) : Exception(message, inner);
