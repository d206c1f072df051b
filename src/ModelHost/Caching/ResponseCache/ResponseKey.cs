using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>
/// What an answer is stored under: the exact model version that served it and its object's ETag, and one hash of
/// everything in the request that shapes the answer (<see cref="RequestHash"/>: the format, the outputs asked for, what
/// the response echoes, and the decoded input tensors).
/// </summary>
public readonly record struct ResponseKey(ModelRef Model, string? ETag, UInt128 Request);
