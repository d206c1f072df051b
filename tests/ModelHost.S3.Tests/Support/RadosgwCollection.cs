namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>Every test class shares one radosgw and runs one after another (some stop the gateway on purpose).</summary>
[CollectionDefinition(Name)]
public sealed class RadosgwCollection : ICollectionFixture<RadosgwFixture>
{
    public const string Name = "radosgw";
}
