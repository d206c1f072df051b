using System.Text.Json;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>Top labels as our format returns them.</summary>
internal static class JsonLabelsWriter
{
    /// <summary>Writes <c>"predictions": [{ "label", "score", "belowThreshold", "top": [{ "label", "score" }, ...] }]</c>, one per row.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<LabelRanking> rankings)
    {
        writer.WriteStartArray("predictions");
        foreach (var ranking in rankings)
        {
            writer.WriteStartObject();
            writer.WriteString("label", ranking.Best.Label);
            JsonNumbers.WriteProperty(writer, "score", ranking.Best.Score);
            writer.WriteBoolean("belowThreshold", ranking.BelowThreshold);
            writer.WriteStartArray("top");
            foreach (var label in ranking.Top)
            {
                writer.WriteStartObject();
                writer.WriteString("label", label.Label);
                JsonNumbers.WriteProperty(writer, "score", label.Score);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
