using System.Globalization;
using System.Text;

namespace MultiModel.TestModels;

/// <summary>
/// ONNX models built in code for tests and benchmarks: any size on demand, deterministic, nothing binary committed.
/// </summary>
public static class TestModelFactory
{
    /// <summary>
    /// y = Softmax(Relu(x·W1+b1)·W2+b2) with <paramref name="hiddenLayers"/> hidden layers of width <paramref name="hidden"/>.
    /// Input "x" float32 [batch, inputs] (symbolic "batch"); output "y" float32 [batch, outputs]. Weights are
    /// deterministic from <paramref name="seed"/>. Size ≈ 4·(inputs·hidden + hidden·hidden·(hiddenLayers-1) +
    /// hidden·outputs) bytes, so Mlp(5000, 5000, 10) is a ~100 MB model.
    /// </summary>
    public static byte[] Mlp(int inputs, int hidden, int outputs, int hiddenLayers = 1, int seed = 1) =>
        MlpModel.Build(inputs, hidden, outputs, hiddenLayers, seed);

    /// <summary>
    /// A model with <see cref="Mlp"/>'s signature (one hidden layer) that loads and fails inside ONNX Runtime on every
    /// run of fewer than 1000 rows, with a runtime error: a broken release.
    /// </summary>
    public static byte[] MlpFailingAtRun(int inputs, int hidden, int outputs, int seed = 1) =>
        FailingAtRunModel.Build(inputs, hidden, outputs, seed);

    /// <summary>
    /// The same network as <see cref="Mlp"/> with its weights in an external data file (<see cref="ExternalDataModel"/>);
    /// the weights and the outputs are identical to <c>Mlp</c> with the same arguments.
    /// </summary>
    public static ExternalDataModel MlpWithExternalData(int inputs, int hidden, int outputs, int hiddenLayers = 1, int seed = 1) =>
        ExternalDataModel.Externalize(MlpModel.BuildGraph(inputs, hidden, outputs, hiddenLayers, seed));

    /// <summary>
    /// A model whose input passes any height and width its signature allows but fails inside the model at odd ones (a
    /// stride-2 convolution upsampled and added back), as PP-OCR's detector fails off multiples of 32. Input
    /// <c>image</c> float [1, 1, h, w].
    /// </summary>
    public static byte[] StrideSensitive() => StrideSensitiveModel.Build();

    /// <summary>
    /// Identity per element type: inputs "in_float", "in_double", "in_int32", "in_int64", "in_uint8", "in_int8",
    /// "in_bool", "in_string", each [batch, 2] (symbolic "batch"), to outputs "out_&lt;suffix&gt;" of the same type and
    /// shape; plus "in_scalar" float32 rank 0 to "out_scalar", and "in_fixed" float32 [3] to "out_fixed".
    /// </summary>
    public static byte[] AllTypes() => AllTypesModel.Build();

    /// <summary>
    /// Inputs "in_fp16" float16 and "in_bf16" bfloat16, each [batch, 3]; outputs "out_fp16" and "out_bf16" the same
    /// tensors unchanged, and "fp16_as_float" and "bf16_as_float" the same values cast to float32 by ONNX Runtime.
    /// </summary>
    public static byte[] ReducedPrecision() => ReducedPrecisionModel.Build();

    /// <summary>
    /// A classifier's outputs as skl2onnx exports them: input "x" float32 [batch, 3] (the class logits), outputs "label"
    /// int64 [batch] (the best class's index) and "probabilities" seq(map(int64, float32)) made by an ai.onnx.ml ZipMap
    /// node: per row, class 0, 1, 2 to its softmax score; or, given <paramref name="classNames"/> (three), those names as
    /// the maps' string keys.
    /// </summary>
    public static byte[] ZipMapClassifier(IReadOnlyList<string>? classNames = null) => ZipMapClassifierModel.Build(classNames);

    /// <summary>
    /// Writes {root}/{id}/{version}/model.onnx (and labels.json when given), creating directories; returns the model path.
    /// </summary>
    public static string WriteToStore(string root, string id, int version, byte[] model, string? labelsJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(model);

        var directory = Path.Combine(root, id, version.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, "model.onnx");
        File.WriteAllBytes(modelPath, model);
        if (labelsJson is not null)
        {
            File.WriteAllText(Path.Combine(directory, "labels.json"), labelsJson, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        return modelPath;
    }

    /// <summary>Writes {root}/{id}/{version}/model.onnx and its external data file beside it; returns the model path.</summary>
    public static string WriteToStore(string root, string id, int version, ExternalDataModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modelPath = WriteToStore(root, id, version, model.Graph);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(modelPath)!, ExternalDataModel.DataFileName), model.Data);
        return modelPath;
    }
}
