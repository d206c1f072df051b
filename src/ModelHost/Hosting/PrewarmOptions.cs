namespace MultiModel.ModelHost.Hosting;

/// <summary>Models to load before the host reports ready, bound from <c>ModelHost:Prewarm</c>.</summary>
public sealed class PrewarmOptions
{
    public const string SectionName = "ModelHost:Prewarm";

    /// <summary>Model ids (highest version) or <c>id/version</c> pairs, e.g. <c>["iris", "house-price/1"]</c>.</summary>
    public string[] Models { get; set; } = [];
}
