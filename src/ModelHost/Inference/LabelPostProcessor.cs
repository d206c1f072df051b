using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Turns a classifier's score tensor into the top labels per row, from a <c>labels.json</c> sidecar. Checked against
/// the model when it loads, so a sidecar that does not fit fails the load instead of every request. The scores may
/// also be a ZipMap output (one label-to-score map per row): its int64 keys are indexes into the sidecar's labels, its
/// string keys are the labels themselves.
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
            if (signature.StructuredOutput(named) is { } structured)
            {
                return structured.IsScoreMaps ? new LabelPostProcessor(sidecar, named)
                    : throw new ModelLoadFailedException(
                        $"{ModelFiles.Sidecar} of {model} names scoresOutput '{named}', which is {structured.TypeName}; scores are a float32 tensor or a seq(map(int64 or string, float32)).");
            }

            var output = signature.Outputs.FirstOrDefault(candidate => candidate.Name == named)
                ?? throw new ModelLoadFailedException($"{ModelFiles.Sidecar} of {model} names scoresOutput '{named}', which is not a float32 tensor output of the model.");
            return Fits(output) ? new LabelPostProcessor(sidecar, named)
                : throw new ModelLoadFailedException(
                    $"{ModelFiles.Sidecar} of {model} has {labelCount} labels but output '{named}' is {output.DataType} {output.ShapeText}.");
        }

        var candidates = signature.Outputs.Where(Fits).Select(output => output.Name)
            .Concat(signature.StructuredOutputs.Where(output => output.IsScoreMaps).Select(output => output.Name)).ToArray();
        return candidates.Length == 1 ? new LabelPostProcessor(sidecar, candidates[0])
            : throw new ModelLoadFailedException(
                $"{ModelFiles.Sidecar} of {model} does not say which output holds the scores and {candidates.Length} outputs could; set \"scoresOutput\".");
    }

    /// <summary>The top labels of each row of a score tensor or a ZipMap output, best first.</summary>
    public IReadOnlyList<LabelRanking> Rank(OrtValue scores) =>
        scores.OnnxType == OnnxValueType.ONNX_TYPE_SEQUENCE ? RankMaps(scores) : RankTensor(scores);

    private LabelRanking[] RankMaps(OrtValue sequence)
    {
        var rankings = new LabelRanking[sequence.GetValueCount()];
        for (var row = 0; row < rankings.Length; row++)
        {
            var (scores, numericKeys, textKeys) = ScoreMaps.Row(sequence, row);
            if (scores.Length == 0)
            {
                throw new InvalidOperationException($"Output '{ScoresOutput}' has an empty map in row {row}: no label to rank.");
            }

            rankings[row] = RankRow(scores, index => textKeys?[index] ?? LabelAt(numericKeys![index]));
        }

        return rankings;
    }

    private string LabelAt(long key) => key >= 0 && key < _sidecar.Labels.Count ? _sidecar.Labels[(int)key]
        : throw new InvalidOperationException(
            $"Output '{ScoresOutput}' has a score for class {key}, which has no label among the {_sidecar.Labels.Count} in {ModelFiles.Sidecar}.");

    private LabelRanking[] RankTensor(OrtValue scores)
    {
        var values = scores.GetTensorDataAsSpan<float>();
        var labelCount = _sidecar.Labels.Count;
        if (values.Length % labelCount != 0)
        {
            throw new InvalidOperationException(
                $"Output '{ScoresOutput}' has {values.Length} scores, not a multiple of the {labelCount} labels in {ModelFiles.Sidecar}.");
        }

        var rankings = new LabelRanking[values.Length / labelCount];
        for (var row = 0; row < rankings.Length; row++)
        {
            rankings[row] = RankRow(values.Slice(row * labelCount, labelCount).ToArray(), index => _sidecar.Labels[index]);
        }

        return rankings;
    }

    /// <summary>One row's top labels; <paramref name="scores"/> is sorted in place.</summary>
    private LabelRanking RankRow(float[] scores, Func<int, string> labelAt)
    {
        var order = new int[scores.Length];
        for (var index = 0; index < order.Length; index++)
        {
            order[index] = index;
        }

        Array.Sort(scores, order, Comparer<float>.Create(static (a, b) => b.CompareTo(a)));
        var top = new RankedLabel[Math.Min(_sidecar.TopK, scores.Length)];
        for (var rank = 0; rank < top.Length; rank++)
        {
            top[rank] = new RankedLabel(labelAt(order[rank]), scores[rank]);
        }

        return new LabelRanking(top, _sidecar.Threshold is { } threshold && !(scores[0] >= threshold));
    }
}
