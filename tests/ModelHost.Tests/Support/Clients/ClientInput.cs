namespace MultiModel.ModelHost.Tests.Support.Clients;

/// <summary>One input as a client holds it: flat row-major data of the .NET type matching its datatype.</summary>
/// <param name="Binary">Sent as raw bytes after the JSON (tritonclient's default, <c>binary_data=True</c>) rather than in "data".</param>
public sealed record ClientInput(string Name, string Datatype, long[] Shape, Array Data, bool Binary = true);
