using System.Security.Cryptography;
using System.Text;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Routing;

/// <summary>
/// Weighted choice between a rule's targets. With a sticky value the choice is a pure function of that value, so
/// one caller keeps one variant on every router instance (the hash is stable across processes, unlike HashCode).
/// Targets own consecutive slices of [0, total weight) in listed order: list the canary first and raising its
/// weight only moves callers onto it, never between the others.
/// </summary>
public static class TargetSelector
{
    public static RuleTarget Choose(RouteRule rule, string? stickyValue, Random random)
    {
        var targets = rule.Targets;
        if (targets.Count == 1)
        {
            return targets[0];
        }

        var point = string.IsNullOrEmpty(stickyValue)
            ? random.NextInt64(rule.TotalWeight)
            : (long)(StableHash(stickyValue) % (ulong)rule.TotalWeight);
        foreach (var target in targets)
        {
            point -= target.Weight;
            if (point < 0)
            {
                return target;
            }
        }

        return targets[^1]; // Unreachable while TotalWeight is the sum of the weights.
    }

    public static ulong StableHash(string value)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return BitConverter.ToUInt64(hash);
    }
}
