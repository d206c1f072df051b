using System.Diagnostics;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// The tags that name a model on a measurement. Every metric series costs memory in the host and in whatever scrapes
/// it for as long as the process lives, so an id becomes a tag value only once the store has shown that the model
/// exists (it was loaded, or its load failed on its contents); what a caller merely asked for is measured without
/// model tags. See docs/observability.md.
/// </summary>
public static class ModelTags
{
    public const string Id = "model.id";
    public const string Version = "model.version";

    /// <summary>
    /// The one id value for requests whose model the store has not shown to exist: not a valid id (a leading '_'), so
    /// it cannot be mistaken for a model's.
    /// </summary>
    public const string UnknownModel = "_unknown";

    public static TagList For(ModelRef model) => new() { { Id, model.Id }, { Version, model.Version } };

    /// <summary>A request that held no model: its model's id when the store has listed it (no version: that one the caller named), else <see cref="UnknownModel"/>.</summary>
    public static TagList ForUnheld(string? listedModelId) => new() { { Id, listedModelId ?? UnknownModel } };

    /// <summary>
    /// The model's tags for the outcome of a load: none when it failed in a way that does not show the store has the
    /// model (the store unavailable, access denied, the caller gone).
    /// </summary>
    public static TagList For(ModelRef model, Exception? failure) => failure is null || ProveModelExists(failure) ? For(model) : default;

    /// <summary>Whether a failed load still proves the store has the model: it delivered it, or at least its size.</summary>
    public static bool ProveModelExists(Exception failure) => failure is ModelLoadFailedException or ModelTooLargeException;
}
