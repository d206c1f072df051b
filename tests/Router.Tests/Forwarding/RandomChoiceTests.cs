using Microsoft.Extensions.DependencyInjection;
using MultiModel.Router.Tests.Support;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>Callers without a sticky value are split by the <see cref="Random"/> the container holds, so a test can fix the draw.</summary>
public sealed class RandomChoiceTests
{
    [Theory]
    [InlineData(0.9, 0.1, "b")] // a draw per target in rule order; the lowest -ln(1 - draw) / weight wins
    [InlineData(0.1, 0.9, "a")]
    public async Task Forward_NoStickyValue_TargetDrawnFromTheRegisteredRandom(double drawForA, double drawForB, string expected)
    {
        await using var a = await EchoBackend.StartAsync("a");
        await using var b = await EchoBackend.StartAsync("b");
        await using var router = RouterFactory.WithRulesFile(File(("iris", Rule(new { exact = "iris" }, [Target(a.Url), Target(b.Url)]))),
            services: s => s.AddSingleton<Random>(new Draws(drawForA, drawForB)));

        Assert.Equal(expected, await router.CreateClient().BackendOfAsync("iris"));
    }

    /// <summary>Returns the given draws in turn, over and over.</summary>
    private sealed class Draws(params double[] values) : Random
    {
        private int _next;

        public override double NextDouble() => values[_next++ % values.Length];
    }
}
