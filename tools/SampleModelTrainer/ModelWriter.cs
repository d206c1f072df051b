using System.Globalization;

namespace MultiModel.SampleModelTrainer;

/// <summary>Lays a model out as the store reads it: {root}/{id}/{version}/model.onnx, plus labels.json when it has one.</summary>
internal static class ModelWriter
{
    public static string Write(string root, SampleModel model)
    {
        var directory = Path.Combine(root, model.Id, model.Version.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, "model.onnx");
        File.WriteAllBytes(modelPath, model.Onnx);

        var labelsPath = Path.Combine(directory, "labels.json");
        if (model.LabelsJson is null)
        {
            // A stale sidecar from an earlier run would silently relabel a model that no longer has labels.
            File.Delete(labelsPath);
        }
        else
        {
            File.WriteAllText(labelsPath, model.LabelsJson + "\n");
        }

        return modelPath;
    }
}
