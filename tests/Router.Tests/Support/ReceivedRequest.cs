namespace MultiModel.Router.Tests.Support;

/// <summary>What a backend saw on the wire.</summary>
public sealed record ReceivedRequest(string Method, string RawTarget, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
