using System.Diagnostics;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Runs a model on inputs a request format has made tensors of (and checked, see <see cref="ModelInputs"/>): the
/// outputs asked for, plus the scores output its labels need.
/// </summary>
internal static class Predictor
{
    public static Prediction Run(OnnxModel model, ModelInputs inputs, IReadOnlyList<string>? requestedOutputs)
    {
        inputs.ThrowIfMissing();
        var outputNames = SelectOutputs(requestedOutputs, model.Signature, model.Labels);
        var started = Stopwatch.GetTimestamp();
        var outputs = RunSession(model.Session, inputs, outputNames);
        return new Prediction(outputNames, outputs, Stopwatch.GetElapsedTime(started), model.Signature);
    }

    private static IDisposableReadOnlyCollection<OrtValue> RunSession(InferenceSession session, ModelInputs inputs, IReadOnlyList<string> outputNames)
    {
        try
        {
            using var runOptions = new RunOptions();
            return session.Run(runOptions, inputs.Names, inputs.Values, outputNames);
        }
        catch (OnnxRuntimeException exception) when (ModelRunFailure.ForCaller(exception) is { } callers)
        {
            // Input that passed the signature checks but not the model's own (e.g. sizes its layers cannot add up).
            throw callers;
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
            throw new InvalidInputException(
                $"The model has no output {string.Join(", ", unknown.Take(10).Select(name => $"'{name}'"))}{(unknown.Length > 10 ? $" (and {unknown.Length - 10} more)" : "")}; its outputs are {signature.DescribeOutputs()}.");
        }

        if (labels is not null && !names.Contains(labels.ScoresOutput))
        {
            names.Add(labels.ScoresOutput); // needed for the top labels; written like any other requested output
        }

        return names;
    }
}
