using Microsoft.ML.Data;

namespace MultiModel.SampleModelTrainer;

/// <summary>A synthetic house sale: features [area_m2, bedrooms, age_years, distance_km], price in thousands.</summary>
internal sealed class HouseRow
{
    [ColumnName("features")]
    [VectorType(4)]
    public float[] Features { get; set; } = [];

    [ColumnName("Label")]
    public float PriceThousands { get; set; }
}
