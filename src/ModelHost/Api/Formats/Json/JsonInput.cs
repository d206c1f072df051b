namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// One named input as the first phase found it in the body, before the model is known: its shape, and where its
/// elements lie. The second phase checks it against the model and reads the elements straight into a tensor.
/// </summary>
/// <param name="Shape">Given (<c>"shape"</c>) or, for a nested array, inferred from its first elements.</param>
/// <param name="FirstElement">Where its elements' offsets start in the body's <see cref="ElementOffsets"/>.</param>
/// <param name="Elements">How many elements the data holds.</param>
/// <param name="NotRectangular">Why a nested array is not of its inferred shape; reported once the shape has been checked against the model.</param>
/// <param name="Datatype">The datatype the request declares (Open Inference), checked against the model's.</param>
/// <param name="BinaryDataSize">Set when the elements come as raw bytes after the JSON (Triton's binary tensor data extension).</param>
internal sealed record JsonInput(
    string Name,
    long[] Shape,
    int FirstElement = 0,
    long Elements = 0,
    string? NotRectangular = null,
    string? Datatype = null,
    long? BinaryDataSize = null);
