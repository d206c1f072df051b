namespace MultiModel.SampleModelTrainer;

/// <summary>
/// Synthetic house prices from a fixed seed, so the regressor is reproducible and no third-party data is needed:
/// price_k = 40 + 2.6·area_m2 + 12·bedrooms − 0.9·age_years − 3.5·distance_km + noise (σ = 20).
/// </summary>
internal static class HousePriceData
{
    public static IReadOnlyList<HouseRow> Generate(int count, int seed)
    {
        // Random with a seed is a stable sequence across runtimes (its seeded algorithm is kept for compatibility).
        var random = new Random(seed);
        var rows = new HouseRow[count];
        for (var i = 0; i < count; i++)
        {
            var area = 40 + (210 * random.NextDouble());
            var bedrooms = Math.Clamp(Math.Round((area / 45) + (random.NextDouble() - 0.5)), 1, 6);
            var age = 80 * random.NextDouble();
            var distance = 0.5 + (29.5 * random.NextDouble());
            var price = 40 + (2.6 * area) + (12 * bedrooms) - (0.9 * age) - (3.5 * distance) + (20 * Gaussian(random));
            rows[i] = new HouseRow
            {
                Features = [(float)area, (float)bedrooms, (float)age, (float)distance],
                PriceThousands = (float)price,
            };
        }

        return rows;
    }

    // Box-Muller: one standard normal from two uniforms.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
