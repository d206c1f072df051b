using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace MultiModel.SampleModelTrainer;

/// <summary>
/// Iris species classifiers on the 150-row UCI Iris data (data/iris.csv). Version 1 and version 2 differ in trainer,
/// so a request without a version visibly gets a different (the highest) model.
/// </summary>
internal static class IrisTrainer
{
    public const string Id = "iris";
    private const string FeaturesColumn = OnnxExport.FeaturesColumn;
    private static readonly string[] Labels = ["setosa", "versicolor", "virginica"];

    public static IEnumerable<SampleModel> Train(MLContext ml, string dataPath)
    {
        var loader = ml.Data.CreateTextLoader(
            [new TextLoader.Column(FeaturesColumn, DataKind.Single, 0, 3), new TextLoader.Column("species", DataKind.String, 4)],
            separatorChar: ',',
            hasHeader: true);
        var data = loader.Load(dataPath);

        // The label mapping is fitted on its own and kept out of the exported chain: were it part of the model, the
        // ONNX graph would demand a "species" input at inference time. ByValue fixes the key order to the sorted names.
        var labelMap = ml.Transforms.Conversion
            .MapValueToKey("Label", "species", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data);
        var labelled = labelMap.Transform(data);

        // One thread each: parallel SDCA and L-BFGS make the weights, and so the shipped bytes, vary from run to run.
        var trainers = new (int Version, string Name, IEstimator<ITransformer> Trainer)[]
        {
            (1, "SdcaMaximumEntropy", ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { FeatureColumnName = FeaturesColumn, NumberOfThreads = 1 })),
            // The default regularisation (L1 = L2 = 1) is strong for 4 features and 150 rows: it leaves versicolor near 0.5.
            (2, "LbfgsMaximumEntropy", ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    FeatureColumnName = FeaturesColumn, L1Regularization = 0, L2Regularization = 0.01f, NumberOfThreads = 1,
                })),
        };

        foreach (var (version, name, trainer) in trainers)
        {
            var pipeline = ml.Transforms.NormalizeMinMax(FeaturesColumn).Append(trainer);
            var cv = ml.MulticlassClassification.CrossValidate(labelled, pipeline, numberOfFolds: 5);
            Console.WriteLine($"{Id} v{version} ({name}): 5-fold micro accuracy {cv.Average(f => f.Metrics.MicroAccuracy):F3}, log-loss {cv.Average(f => f.Metrics.LogLoss):F3}");

            var model = pipeline.Fit(labelled);
            var onnx = OnnxExport.ToOnnx(ml, model, featureCount: 4, "Score");
            yield return new SampleModel(
                Id, version, name, onnx, FeaturesColumn, ExampleRows, MlNetScores.Score(ml, model, ExampleRows), LabelsJson("Score.output"));
        }
    }

    // One flower of each species (rows 1, 51 and 101 of the data set), then row 78, a versicolor both versions score
    // below 0.6 for any species: the case the sidecar's threshold is for.
    private static readonly float[][] ExampleRows =
        [[5.1f, 3.5f, 1.4f, 0.2f], [7.0f, 3.2f, 4.7f, 1.4f], [6.3f, 3.3f, 6.0f, 2.5f], [6.7f, 3.0f, 5.0f, 1.7f]];

    private static string LabelsJson(string scoresOutput) =>
        System.Text.Json.JsonSerializer.Serialize(new { labels = Labels, scoresOutput, threshold = 0.6, topK = 3 });
}
