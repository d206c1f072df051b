using System.ComponentModel.DataAnnotations;

namespace MultiModel.ModelHost.Storage;

/// <summary>Which store models come from, bound from <c>ModelHost:Store</c>.</summary>
public sealed class ModelStoreOptions
{
    public const string SectionName = "ModelHost:Store";

    /// <summary><c>Local</c> (a folder; the default, serving the bundled sample models) or <c>S3</c>.</summary>
    [AllowedValues("Local", "S3")]
    public string Kind { get; set; } = "Local";

    /// <summary>The folder of the Local store; relative paths are under the app's own directory.</summary>
    [Required]
    public string LocalRoot { get; set; } = "SampleModels";
}
