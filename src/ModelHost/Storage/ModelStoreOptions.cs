using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Storage;

/// <summary>Which store models come from, bound from <c>ModelHost:Store</c>.</summary>
public sealed class ModelStoreOptions
{
    public const string SectionName = "ModelHost:Store";

    /// <summary><c>Local</c> (a folder; the default, serving the bundled sample models) or <c>S3</c>.</summary>
    [EnumDataType(typeof(ModelStoreKind))]
    public ModelStoreKind Kind { get; set; } = ModelStoreKind.Local;

    /// <summary>The folder of the Local store; relative paths are under the app's own directory.</summary>
    [Required]
    public string LocalRoot { get; set; } = "SampleModels";

    /// <summary>The full path of <see cref="LocalRoot"/>: the folder the Local store reads and the start-up log names.</summary>
    public string ResolvedLocalRoot() => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, LocalRoot));
}

/// <summary>The checks of <see cref="ModelStoreOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class ModelStoreOptionsValidator : IValidateOptions<ModelStoreOptions>;
