using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace MultiModel.SampleModelTrainer;

/// <summary>A house price regressor (no labels sidecar: its output is a number, not classes).</summary>
internal static class HousePriceTrainer
{
    public const string Id = "house-price";

    // A 60 m2 two-bedroom flat, 30 years old, 5 km out; and a 180 m2 four-bedroom house, 5 years old, 20 km out.
    private static readonly float[][] ExampleRows = [[60f, 2f, 30f, 5f], [180f, 4f, 5f, 20f]];

    public static IEnumerable<SampleModel> Train(MLContext ml)
    {
        var data = ml.Data.LoadFromEnumerable(HousePriceData.Generate(count: 500, seed: 42));
        // One thread: SDCA's parallel updates make the weights, and so the shipped bytes, vary from run to run.
        var pipeline = ml.Transforms.NormalizeMeanVariance(OnnxExport.FeaturesColumn)
            .Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                FeatureColumnName = OnnxExport.FeaturesColumn, L2Regularization = 0.001f, NumberOfThreads = 1,
            }));
        var cv = ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 5);
        Console.WriteLine($"{Id} v1 (Sdca regression): 5-fold RMSE {cv.Average(f => f.Metrics.RootMeanSquaredError):F1}k, R² {cv.Average(f => f.Metrics.RSquared):F3}");

        var model = pipeline.Fit(data);
        var onnx = OnnxExport.ToOnnx(ml, model, featureCount: 4, "Score");
        yield return new SampleModel(Id, 1, "Sdca regression", onnx, OnnxExport.FeaturesColumn, ExampleRows, MlNetScores.Score(ml, model, ExampleRows), LabelsJson: null);
    }
}
