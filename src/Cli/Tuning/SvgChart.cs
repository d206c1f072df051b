using System.Globalization;
using System.Net;
using System.Text;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// A chart as inline SVG, drawn here so the report needs no script and no network: categories along x (the memory
/// sizes), one colour a series, a y axis from 0 with five ticks, and a legend. Lines or grouped bars; a missing value
/// (a size that served nothing) is a gap.
/// </summary>
internal sealed class SvgChart(string title, string yUnit, IReadOnlyList<string> categories)
{
    private const int Width = 560;
    private const int Height = 300;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 36;
    private const int Bottom = 64;
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    private readonly List<(string Name, IReadOnlyList<double?> Values)> _series = [];

    public SvgChart Series(string name, IReadOnlyList<double?> values)
    {
        _series.Add((name, values));
        return this;
    }

    public string Lines() => Render(bars: false);

    public string Bars() => Render(bars: true);

    private string Render(bool bars)
    {
        var max = _series.SelectMany(series => series.Values).Where(value => value is not null).Select(value => value!.Value).DefaultIfEmpty(1).Max();
        var top = NiceCeiling(max <= 0 ? 1 : max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = (double)plotWidth / Math.Max(1, categories.Count);
        double X(int index) => Left + (slot * (index + 0.5));
        double Y(double value) => Top + plotHeight - (value / top * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">"));
        svg.Append(Invariant($"<title>{Escape(title)}</title><text x=\"{Left}\" y=\"20\" class=\"chart-title\">{Escape(title)}</text>"));
        for (var tick = 0; tick <= 5; tick++)
        {
            var value = top * tick / 5;
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{Format(value)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"14\" y=\"{Top + (plotHeight / 2)}\" transform=\"rotate(-90 14 {Top + (plotHeight / 2)})\" text-anchor=\"middle\" class=\"tick\">{Escape(yUnit)}</text>"));
        for (var index = 0; index < categories.Count; index++)
        {
            svg.Append(Invariant($"<text x=\"{X(index):0.#}\" y=\"{Top + plotHeight + 16}\" text-anchor=\"middle\" class=\"tick\">{Escape(categories[index])}</text>"));
        }

        for (var number = 0; number < _series.Count; number++)
        {
            var (name, values) = _series[number];
            var colour = Colours[number % Colours.Length];
            if (bars)
            {
                var barWidth = slot * 0.8 / _series.Count;
                for (var index = 0; index < values.Count; index++)
                {
                    if (values[index] is { } value)
                    {
                        var x = X(index) - (slot * 0.4) + (number * barWidth);
                        svg.Append(Invariant($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{Y(value):0.#}\" width=\"{barWidth - 1:0.#}\" height=\"{Top + plotHeight - Y(value):0.#}\" fill=\"{colour}\"><title>{Escape(name)} {Escape(categories[index])}: {Format(value)} {Escape(yUnit)}</title></rect>"));
                    }
                }
            }
            else
            {
                var points = values.Select((value, index) => value is { } v ? Invariant($"{X(index):0.#},{Y(v):0.#}") : null).ToList();
                foreach (var run in Runs(points))
                {
                    svg.Append(Invariant($"<polyline class=\"line\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', run)}\"/>"));
                }

                for (var index = 0; index < values.Count; index++)
                {
                    if (values[index] is { } value)
                    {
                        svg.Append(Invariant($"<circle cx=\"{X(index):0.#}\" cy=\"{Y(value):0.#}\" r=\"3.5\" fill=\"{colour}\"><title>{Escape(name)} {Escape(categories[index])}: {Format(value)} {Escape(yUnit)}</title></circle>"));
                    }
                }
            }

            var legendX = Left + (number % 4 * 125);
            var legendY = Height - 24 + (number / 4 * 14);
            svg.Append(Invariant($"<rect x=\"{legendX}\" y=\"{legendY - 9}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{legendX + 14}\" y=\"{legendY}\" class=\"tick\">{Escape(name)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The stretches of consecutive points, so a gap is left where a value is missing.</summary>
    private static IEnumerable<List<string>> Runs(IReadOnlyList<string?> points)
    {
        var run = new List<string>();
        foreach (var point in points)
        {
            if (point is null)
            {
                if (run.Count > 0)
                {
                    yield return run;
                }

                run = [];
            }
            else
            {
                run.Add(point);
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>: round tick labels.</summary>
    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(step => step * power).First(candidate => candidate >= value);
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : value >= 1 ? "0.#" : "0.###", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
