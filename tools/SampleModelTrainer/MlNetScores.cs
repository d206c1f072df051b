using Microsoft.ML;
using Microsoft.ML.Data;

namespace MultiModel.SampleModelTrainer;

/// <summary>What ML.NET itself scores for rows, to hold the exported ONNX model to.</summary>
internal static class MlNetScores
{
    public static float[][] Score(MLContext ml, ITransformer model, float[][] rows)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[OnnxExport.FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows[0].Length);
        var view = model.Transform(ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }), schema));

        var score = view.Schema["Score"];
        return score.Type is VectorDataViewType
            ? view.GetColumn<VBuffer<float>>(score).Select(v => v.DenseValues().ToArray()).ToArray()
            : view.GetColumn<float>(score).Select(v => new[] { v }).ToArray();
    }
}
