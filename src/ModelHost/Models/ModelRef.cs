namespace MultiModel.ModelHost.Models;

/// <summary>One exact model version: the unit that is fetched, loaded and cached.</summary>
public readonly record struct ModelRef(string Id, int Version)
{
    public override string ToString() => $"{Id}/{Version}";
}
