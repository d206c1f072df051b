using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Turns a classifier's score tensor into the top labels per row, from a <c>labels.json</c> sidecar. Checked against
/// the model when it loads, so a sidecar that does not fit fails the load instead of every request.
/// </summary>
public sealed class LabelPostProcessor
{
    private readonly ModelSidecar _sidecar;

    private LabelPostProcessor(ModelSidecar sidecar, string scoresOutput)
    {
        _sidecar = sidecar;
        ScoresOutput = scoresOutput;
    }

    public string ScoresOutput { get; }

    public static LabelPostProcessor Create(ModelSidecar sidecar, ModelSignature signature, ModelRef model)
    {
        var labelCount = sidecar.Labels.Count;
        bool Fits(TensorSignature output) =>
            output.ElementType == TensorElementType.Float && output.Rank >= 1 && output.Shape[^1] is var last && (last < 0 || last == labelCount);

        if (sidecar.ScoresOutput is { } named)
        {
            var output = signature.Outputs.FirstOrDefault(candidate => candidate.Name == named)
                ?? throw new ModelLoadFailedException($"{ModelFiles.Sidecar} of {model} names scoresOutput '{named}', which is not a float32 tensor output of the model.");
            return Fits(output) ? new LabelPostProcessor(sidecar, named)
                : throw new ModelLoadFailedException(
                    $"{ModelFiles.Sidecar} of {model} has {labelCount} labels but output '{named}' is {output.DataType} {output.ShapeText}.");
        }

        var candidates = signature.Outputs.Where(Fits).ToArray();
        return candidates.Length == 1 ? new LabelPostProcessor(sidecar, candidates[0].Name)
            : throw new ModelLoadFailedException(
                $"{ModelFiles.Sidecar} of {model} does not say which output holds the scores and {candidates.Length} outputs could; set \"scoresOutput\".");
    }

    /// <summary>The top labels of each row of a score tensor, best first.</summary>
    public IReadOnlyList<LabelRanking> Rank(OrtValue scores)
    {
        var values = scores.GetTensorDataAsSpan<float>();
        var labelCount = _sidecar.Labels.Count;
        if (values.Length % labelCount != 0)
        {
            throw new InvalidOperationException(
                $"Output '{ScoresOutput}' has {values.Length} scores, not a multiple of the {labelCount} labels in {ModelFiles.Sidecar}.");
        }

        var topK = Math.Min(_sidecar.TopK, labelCount);
        var order = new int[labelCount];
        var rankings = new LabelRanking[values.Length / labelCount];
        for (var row = 0; row < rankings.Length; row++)
        {
            var rowScores = values.Slice(row * labelCount, labelCount);
            for (var index = 0; index < labelCount; index++)
            {
                order[index] = index;
            }

            var keys = rowScores.ToArray();
            Array.Sort(keys, order, Comparer<float>.Create(static (a, b) => b.CompareTo(a)));

            var top = new RankedLabel[topK];
            for (var rank = 0; rank < topK; rank++)
            {
                top[rank] = new RankedLabel(_sidecar.Labels[order[rank]], keys[rank]);
            }

            rankings[row] = new LabelRanking(top, _sidecar.Threshold is { } threshold && !(keys[0] >= threshold));
        }

        return rankings;
    }
}
