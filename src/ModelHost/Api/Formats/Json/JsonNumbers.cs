using System.Text.Json;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>JSON cannot spell NaN or infinities; they are written as the strings "NaN", "Infinity" and "-Infinity", which the input side accepts too.</summary>
internal static class JsonNumbers
{
    public static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static void Write(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            Write(writer, (double)value);
        }
    }

    public static void WriteProperty(Utf8JsonWriter writer, string name, float value)
    {
        writer.WritePropertyName(name);
        Write(writer, value);
    }
}
