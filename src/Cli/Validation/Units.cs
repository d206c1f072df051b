using System.Globalization;

namespace MultiModel.Cli.Validation;

/// <summary>Figures as messages and the human output show them, the same everywhere.</summary>
internal static class Units
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => Format($"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 => Format($"{bytes / 1024.0:0.#} KB"),
        _ => Format($"{bytes} bytes"),
    };

    public static string Milliseconds(double milliseconds) => milliseconds switch
    {
        >= 100 => Format($"{milliseconds:0} ms"),
        >= 1 => Format($"{milliseconds:0.##} ms"),
        _ => Format($"{milliseconds:0.###} ms"),
    };

    public static string Ratio(double ratio) => Format($"{ratio:0.##}x");

    public static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
