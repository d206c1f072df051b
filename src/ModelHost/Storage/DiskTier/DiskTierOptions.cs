using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>
/// The local disk tier under the memory cache (Lambda's /tmp), bound from <c>ModelHost:DiskCache</c>. A model evicted
/// from memory reloads from here without downloading it again.
/// </summary>
public sealed class DiskTierOptions
{
    public const string SectionName = "ModelHost:DiskCache";

    /// <summary>Off serves every load straight from the store.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Owned by the tier: it deletes what it does not recognise inside, so it refuses a non-empty folder it did not
    /// create (never point it at /tmp itself).
    /// </summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "modelhost-models");

    /// <summary>Bytes of model files kept; least recently used models are deleted to stay under it. Lambda's /tmp is 512 MB unless raised.</summary>
    [Range(1, 10 * 1024 * 1024)]
    public int BudgetMegabytes { get; set; } = 400;

    /// <summary>
    /// A copy last confirmed longer ago than this is checked against the store (a conditional HEAD, no download) before
    /// it is served again. The default, zero, checks on every reload: a model overwritten while evicted from memory is
    /// not revived, and a corrupt upload that is then fixed is not served from disk after the fix. A reload is rare
    /// next to a hit, so the HEAD costs little; when the store is unreachable the copy is served anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.Zero;

    internal long BudgetBytes => BudgetMegabytes * 1024L * 1024;
}

/// <summary>The checks of <see cref="DiskTierOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class DiskTierOptionsValidator : IValidateOptions<DiskTierOptions>;
