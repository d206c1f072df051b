namespace MultiModel.Router.Tests.SsmStandIn;

/// <summary>One version of a parameter, as the stand-in keeps it.</summary>
public sealed record StoredParameter(string Name, string Value, string Type, long Version, DateTimeOffset LastModified)
{
    public object ToWire() => new Dictionary<string, object>
    {
        ["Name"] = Name,
        ["Type"] = Type,
        ["Value"] = Value,
        ["Version"] = Version,
        ["LastModifiedDate"] = LastModified.ToUnixTimeMilliseconds() / 1000.0,
        ["ARN"] = $"arn:aws:ssm:us-east-1:000000000000:parameter{Name}",
        ["DataType"] = "text",
    };
}
