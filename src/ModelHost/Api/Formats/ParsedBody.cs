using MultiModel.ModelHost.Api.Formats.Json;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// A request body read and checked without its model (the first phase): well-formed JSON throughout, the format's
/// structure, and every input's shape and where each of its elements lies. Owns the pooled body the second phase reads
/// the elements from, and their offsets; disposing it returns both to their pools, so it is disposed once the tensors
/// are made.
/// </summary>
/// <param name="JsonLength">Bytes of JSON at the start of the body; binary tensor data, if any, follows.</param>
/// <param name="HasBinaryData">Whether the body was sent with the binary tensor data extension's header.</param>
internal sealed class ParsedBody(PooledRequestBody body, int jsonLength, bool hasBinaryData, ParsedRequest request, ElementOffsets offsets) : IDisposable
{
    public ParsedRequest Request { get; } = request;

    public bool HasBinaryData { get; } = hasBinaryData;

    public ReadOnlyMemory<byte> Json => body.Memory[..jsonLength];

    public ReadOnlyMemory<byte> BinaryData => body.Memory[jsonLength..];

    /// <summary>Where each JSON tensor element starts in <see cref="Json"/>.</summary>
    public ElementOffsets Offsets { get; } = offsets;

    public void Dispose()
    {
        Offsets.Dispose();
        body.Dispose();
    }
}
