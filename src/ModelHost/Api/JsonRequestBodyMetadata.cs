namespace MultiModel.ModelHost.Api;

/// <summary>Marks an endpoint that reads a JSON body of this shape itself, for <see cref="JsonRequestBodyTransformer"/>.</summary>
public sealed record JsonRequestBodyMetadata(Type BodyType);
