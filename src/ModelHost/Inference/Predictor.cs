using System.Diagnostics;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Runs named inputs through a leased model: every input is checked against the model's signature and converted
/// before ONNX Runtime sees it. Request formats (ours, the Open Inference Protocol) only differ in how they name inputs.
/// </summary>
internal static class Predictor
{
    public static Prediction Run(ModelLease lease, IEnumerable<PredictionInput> inputs, IReadOnlyList<string>? requestedOutputs)
    {
        var signature = lease.Model.Signature;
        var names = new List<string>(signature.Inputs.Count);
        var values = new List<OrtValue>(signature.Inputs.Count);
        try
        {
            var dimensions = new DimensionBindings();
            foreach (var input in inputs)
            {
                if (!signature.InputsByName.TryGetValue(input.Name, out var expected))
                {
                    throw new InvalidInputException($"The model has no input '{input.Name}'; its inputs are {Describe(signature.Inputs)}.");
                }

                if (names.Contains(input.Name))
                {
                    throw new InvalidInputException($"Input '{input.Name}' is given more than once.");
                }

                values.Add(JsonTensorReader.Read(input.Value, expected, dimensions));
                names.Add(input.Name);
            }

            var missing = signature.Inputs.Where(input => !names.Contains(input.Name)).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidInputException($"Missing input{(missing.Length > 1 ? "s" : "")} {Describe(missing)}.");
            }

            var outputNames = SelectOutputs(requestedOutputs, signature, lease.Model.Labels);
            var started = Stopwatch.GetTimestamp();
            var outputs = RunSession(lease, names, values, outputNames);
            return new Prediction(lease, outputNames, outputs, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public static string Describe(IEnumerable<TensorSignature> tensors) =>
        string.Join(", ", tensors.Select(tensor => $"'{tensor.Name}' ({tensor.DataType} {tensor.ShapeText})"));

    private static IDisposableReadOnlyCollection<OrtValue> RunSession(ModelLease lease, List<string> names, List<OrtValue> values, IReadOnlyList<string> outputNames)
    {
        try
        {
            using var runOptions = new RunOptions();
            return lease.Onnx.Session.Run(runOptions, names, values, outputNames);
        }
        catch (OnnxRuntimeException exception) when (exception.Message.Contains("[ErrorCode:InvalidArgument]", StringComparison.Ordinal))
        {
            // Input that passed the signature checks but not the model's own (e.g. shapes that do not broadcast).
            throw new InvalidInputException($"The model rejected the input: {exception.Message}");
        }
    }

    private static IReadOnlyList<string> SelectOutputs(IReadOnlyList<string>? requested, ModelSignature signature, LabelPostProcessor? labels)
    {
        if (requested is null)
        {
            return signature.OutputNames;
        }

        var names = requested.Distinct().ToList();
        var unknown = names.Where(name => !signature.OutputNames.Contains(name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidInputException($"The model has no output {string.Join(", ", unknown.Select(name => $"'{name}'"))}; its outputs are {Describe(signature.Outputs)}.");
        }

        if (labels is not null && !names.Contains(labels.ScoresOutput))
        {
            names.Add(labels.ScoresOutput); // needed for the top labels; written like any other requested output
        }

        return names;
    }
}
