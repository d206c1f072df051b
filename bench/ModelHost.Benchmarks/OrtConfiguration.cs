using System.Globalization;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>One combination of ONNX Runtime memory options and allocator set-up, passed to a probe process as a string.</summary>
internal sealed record OrtConfiguration(string Name, bool TuneAllocator, bool Arena, bool Pattern, bool Prepack, bool FromBytes)
{
    public SessionOptions SessionOptions()
    {
        var options = new SessionOptions { EnableCpuMemArena = Arena, EnableMemoryPattern = Pattern };
        if (!Prepack)
        {
            options.AddSessionConfigEntry("session.disable_prepacking", "1");
        }

        return options;
    }

    public string Encode() => string.Join(',', new[] { TuneAllocator, Arena, Pattern, Prepack, FromBytes }.Select(flag => flag ? "1" : "0"));

    public static OrtConfiguration Decode(string encoded)
    {
        var flags = encoded.Split(',').Select(flag => flag == "1").ToArray();
        return new(string.Create(CultureInfo.InvariantCulture, $"probe {encoded}"), flags[0], flags[1], flags[2], flags[3], flags[4]);
    }
}
