using System.Diagnostics;
using System.Text.Json;
using MultiModel.ModelHost.Caching;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Runs one request body through a leased model: every input is checked against the model's signature and converted
/// before ONNX Runtime sees it. Body: <c>{"inputs": {"name": value, ...}, "outputs"?: ["name", ...]}</c>.
/// </summary>
internal static class Predictor
{
    public static Prediction Run(ModelLease lease, JsonElement body)
    {
        var signature = lease.Model.Signature;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException(
                $"The body must be a JSON object with an \"inputs\" object, e.g. {{\"inputs\": {{\"{signature.Inputs.FirstOrDefault()?.Name ?? "x"}\": [[1.0, 2.0]]}}}}.");
        }

        var names = new List<string>(signature.Inputs.Count);
        var values = new List<OrtValue>(signature.Inputs.Count);
        try
        {
            var dimensions = new DimensionBindings();
            foreach (var input in inputs.EnumerateObject())
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

            var outputNames = SelectOutputs(body, signature, lease.Model.Labels);
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

    private static IDisposableReadOnlyCollection<OrtValue> RunSession(ModelLease lease, List<string> names, List<OrtValue> values, IReadOnlyList<string> outputNames)
    {
        try
        {
            using var runOptions = new RunOptions();
            return lease.Session.Run(runOptions, names, values, outputNames);
        }
        catch (OnnxRuntimeException exception) when (exception.Message.Contains("[ErrorCode:InvalidArgument]", StringComparison.Ordinal))
        {
            // Input that passed the signature checks but not the model's own (e.g. shapes that do not broadcast).
            throw new InvalidInputException($"The model rejected the input: {exception.Message}");
        }
    }

    private static IReadOnlyList<string> SelectOutputs(JsonElement body, ModelSignature signature, LabelPostProcessor? labels)
    {
        if (!body.TryGetProperty("outputs", out var requested))
        {
            return signature.OutputNames;
        }

        if (requested.ValueKind != JsonValueKind.Array || requested.EnumerateArray().Any(name => name.ValueKind != JsonValueKind.String))
        {
            throw new InvalidInputException("\"outputs\" must be an array of output names.");
        }

        var names = requested.EnumerateArray().Select(name => name.GetString()!).Distinct().ToList();
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

    private static string Describe(IEnumerable<TensorSignature> tensors) =>
        string.Join(", ", tensors.Select(tensor => $"'{tensor.Name}' ({tensor.DataType} {tensor.ShapeText})"));
}
