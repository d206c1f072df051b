using Microsoft.ML;
using MultiModel.SampleModelTrainer;

var outputRoot = args.Length > 0 ? args[0] : Path.Combine("src", "ModelHost", "SampleModels");
var ml = new MLContext(seed: 1);
var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");

var models = IrisTrainer.Train(ml, Path.Combine(dataDirectory, "iris.csv")).Concat(HousePriceTrainer.Train(ml));
foreach (var model in models)
{
    var path = ModelWriter.Write(outputRoot, model);
    OnnxCheck.Describe(model, path);
}
