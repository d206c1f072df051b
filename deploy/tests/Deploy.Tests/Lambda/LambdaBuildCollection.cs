namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The test classes that run the apps' Lambda build share one publish of it (minutes on a 2-core machine), not one each.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LambdaBuildCollection : ICollectionFixture<LambdaImageBuild>
{
    public const string Name = "Lambda build of both apps";
}
