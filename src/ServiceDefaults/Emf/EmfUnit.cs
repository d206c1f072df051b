namespace MultiModel.ServiceDefaults.Emf;

/// <summary>The CloudWatch units the metric contract uses (CloudWatch's StandardUnit names, as EMF's <c>Unit</c> takes them).</summary>
public static class EmfUnit
{
    public const string Count = "Count";
    public const string Milliseconds = "Milliseconds";
    public const string Seconds = "Seconds";
    public const string Bytes = "Bytes";
    public const string None = "None";
}
