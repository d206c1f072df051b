namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>One model's response cache setting, under <c>ModelHost:ResponseCache:Models:{id}</c>.</summary>
public sealed class ModelResponseCacheOptions
{
    /// <summary>Whether its 200 answers are stored and served again for equal input tensors.</summary>
    public bool Enabled { get; set; }
}
