using System.ComponentModel.DataAnnotations;

namespace MultiModel.ModelHost.Api;

/// <summary>Limits on prediction requests, bound from <c>ModelHost:Requests</c>.</summary>
public sealed class RequestOptions
{
    public const string SectionName = "ModelHost:Requests";

    /// <summary>Largest accepted body; larger ones get 413 before they are read. Lambda itself caps payloads at 6 MB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted; tensors need one level per dimension, so 64 is generous.</summary>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 64;
}
