using Microsoft.ML;
using Microsoft.ML.Data;

namespace MultiModel.SampleModelTrainer;

/// <summary>ML.NET to ONNX, keeping only the columns a client of the model should see.</summary>
internal static class OnnxExport
{
    public const string FeaturesColumn = "features";

    /// <summary>
    /// Exports <paramref name="model"/> as taking a single float vector "features" of <paramref name="featureCount"/>.
    /// Every column of the view handed to the exporter becomes a required ONNX input, and a loaded view drags in its
    /// loader's columns (the label too), so the exporter gets an empty view holding that one column.
    /// </summary>
    public static byte[] ToOnnx(MLContext ml, ITransformer model, int featureCount, params string[] keepColumns)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var inputView = ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), schema);

        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, inputView, stream, keepColumns);
        return OnnxCleanup.DropPlaceholderOutputs(stream.ToArray());
    }
}
