namespace MultiModel.SampleModelTrainer;

/// <summary>One exported model as it is laid out in the store, with the request the docs show for it.</summary>
/// <param name="ExampleInput">Rows for the single float input, as a client would send them.</param>
/// <param name="ExpectedScores">ML.NET's own scores for <paramref name="ExampleInput"/>, which the ONNX output must match.</param>
/// <param name="LabelsJson">The labels.json sidecar, or null for a model without one.</param>
internal sealed record SampleModel(
    string Id,
    int Version,
    string Trainer,
    byte[] Onnx,
    string InputName,
    float[][] ExampleInput,
    float[][] ExpectedScores,
    string? LabelsJson);
