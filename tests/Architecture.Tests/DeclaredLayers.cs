namespace MultiModel.Architecture.Tests;

/// <summary>Each app's folder order, top first (docs/architecture.md draws it).</summary>
public static class DeclaredLayers
{
    /// <summary>
    /// Health reports on the rules; Forwarding sends a request where Routing's decision says, by the Rules in force;
    /// Logging is every event's definition and uses nothing.
    /// </summary>
    public static LayerOrder Router { get; } = new("Router", "Health", "Forwarding", "Routing", "Rules", "Logging");

    /// <summary>
    /// The apps whose folders are checked. The ModelHost has no entry yet: no order of its folders holds today
    /// (Api and Hosting use each other, and so do Caching and Inference); it gets one when its folders do.
    /// </summary>
    public static IReadOnlyList<LayerOrder> All { get; } = [Router];
}
