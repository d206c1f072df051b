using System.Buffers;
using System.IO.Hashing;
using System.Text;
using MultiModel.Router.Rules;

namespace MultiModel.Router.TargetSelection;

/// <summary>
/// Weighted choice between a rule's targets by weighted rendezvous hashing: every target draws a score
/// -ln(u) / weight and the lowest wins. With a sticky value, u is a hash of (value, target), so one caller keeps one
/// target on every router instance and across restarts; without one, u is random and the pick follows the weights.
/// A target's score depends only on the caller, its own identity and its own weight, which gives the guarantees the
/// docs promise: raising a weight only moves callers onto that target, lowering it only moves its own callers away,
/// and adding or removing a target moves only the callers that must move. Excluding a target (its circuit is open)
/// sends its callers to their next-best target, by the weights of the rest; they return when it is back.
/// </summary>
public static class TargetSelector
{
    /// <summary>Sticky values up to this many UTF-8 bytes are hashed from the stack.</summary>
    private const int StackLimit = 512;

    /// <param name="excluded">Bit i set: <c>rule.Targets[i]</c> is not a candidate (a rule has at most
    /// <see cref="RuleParser.MaxTargets"/> = 16 targets, so 32 bits hold them all).</param>
    /// <returns>The index of the chosen target in <c>rule.Targets</c>, or -1 when every target is excluded or drained.</returns>
    public static int Choose(RouteRule rule, string? stickyValue, Random random, uint excluded = 0)
    {
        var targets = rule.Targets;
        if (targets.Count == 1)
        {
            return (excluded & 1) == 0 && targets[0].Weight > 0 ? 0 : -1;
        }

        if (string.IsNullOrEmpty(stickyValue))
        {
            return Lowest(targets, excluded, default, random);
        }

        var length = Encoding.UTF8.GetByteCount(stickyValue);
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
            Encoding.UTF8.GetBytes(stickyValue, bytes);
            return Lowest(targets, excluded, bytes, null);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A uniform draw in (0, 1) from a 64-bit hash: its top 53 bits, centred in their interval.</summary>
    public static double ToUnitInterval(ulong hash) => ((hash >> 11) + 0.5) * (1.0 / (1UL << 53));

    private static int Lowest(IReadOnlyList<RuleTarget> targets, uint excluded, ReadOnlySpan<byte> sticky, Random? random)
    {
        var best = -1;
        var bestScore = double.PositiveInfinity;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (target.Weight == 0 || (excluded & (1u << i)) != 0)
            {
                continue;
            }

            var u = random is null ? ToUnitInterval(XxHash3.HashToUInt64(sticky, target.StickySeed)) : 1.0 - random.NextDouble();
            var score = -Math.Log(u) / target.Weight;
            if (score < bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }
}
