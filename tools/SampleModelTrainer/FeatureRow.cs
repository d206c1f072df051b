using Microsoft.ML.Data;

namespace MultiModel.SampleModelTrainer;

/// <summary>The one column every sample model takes; its vector size is set per model through a schema definition.</summary>
internal sealed class FeatureRow
{
    [ColumnName("features")]
    public float[] Features { get; set; } = [];
}
