using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Whether callers of the live version can call the candidate unchanged: every input the live version takes, with the
/// same name, element type and rank, and fixed dimensions that accept what the live one did; no new input (ONNX inputs
/// are all required, so callers would be refused for not sending it); every output the live version returns, of the
/// same type; and top labels still there when the live version has them.
/// </summary>
internal static class SignatureCheck
{
    public static IReadOnlyList<string> Compare(MeasuredModel live, MeasuredModel candidate)
    {
        var problems = new List<string>();
        var version = $"version {live.Ref.Version}";
        foreach (var input in live.Signature.Inputs)
        {
            if (!candidate.Signature.InputsByName.TryGetValue(input.Name, out var theirs))
            {
                problems.Add($"input '{input.Name}' ({input.DataType} {input.ShapeText}) of {version} is missing; the candidate takes {ModelSignature.Describe(candidate.Signature.Inputs)}");
            }
            else if (CompareTensor("input", input, theirs) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (var added in candidate.Signature.Inputs.Where(input => !live.Signature.InputsByName.ContainsKey(input.Name)))
        {
            problems.Add($"input '{added.Name}' ({added.DataType} {added.ShapeText}) is new: callers of {version} do not send it");
        }

        foreach (var output in live.Signature.OutputNames)
        {
            CompareOutput(output, live.Signature, candidate.Signature, version, problems);
        }

        if (live.Labels is not null && candidate.Labels is null)
        {
            problems.Add($"{version} returns top labels from its {ModelFiles.Sidecar}; the candidate has none (give --labels)");
        }

        return problems;
    }

    private static void CompareOutput(string name, ModelSignature live, ModelSignature candidate, string version, List<string> problems)
    {
        if (!candidate.OutputNames.Contains(name))
        {
            problems.Add($"output '{name}' of {version} is no longer returned; the candidate returns {candidate.DescribeOutputs()}");
            return;
        }

        if (live.StructuredOutput(name) is { } ours)
        {
            if (candidate.StructuredOutput(name)?.TypeName != ours.TypeName)
            {
                problems.Add($"output '{name}' was {ours.TypeName} in {version}; the candidate returns {candidate.DescribeOutputs()}");
            }

            return;
        }

        var theirs = candidate.Outputs.FirstOrDefault(output => output.Name == name);
        if (theirs is null)
        {
            problems.Add($"output '{name}' was a tensor in {version}; the candidate returns {candidate.StructuredOutput(name)!.TypeName}");
        }
        else if (CompareTensor("output", live.Outputs.First(output => output.Name == name), theirs) is { } problem)
        {
            problems.Add(problem);
        }
    }

    private static string? CompareTensor(string kind, TensorSignature live, TensorSignature candidate)
    {
        if (live.ElementType != candidate.ElementType)
        {
            return $"{kind} '{live.Name}' changed its element type from {live.DataType} to {candidate.DataType}";
        }

        if (live.Rank != candidate.Rank)
        {
            return $"{kind} '{live.Name}' changed its rank from {live.Rank} {live.ShapeText} to {candidate.Rank} {candidate.ShapeText}";
        }

        for (var axis = 0; axis < live.Rank; axis++)
        {
            var (was, now) = (live.Shape[axis], candidate.Shape[axis]);
            // A variable dimension may become fixed for outputs (callers read what comes), not for inputs (callers send any size).
            if (now >= 0 && (was != now) && (was >= 0 || kind == "input"))
            {
                return $"{kind} '{live.Name}' changed dimension {axis} from {live.ShapeText} to {candidate.ShapeText}";
            }
        }

        return null;
    }
}
