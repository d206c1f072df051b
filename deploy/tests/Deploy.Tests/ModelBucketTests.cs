using System.Text.Json.Nodes;

namespace MultiModel.Deploy.Tests;

public sealed class ModelBucketTests
{
    private static readonly SynthesizedStack Synth = SynthesizedStack.Default;

    private static JsonObject Bucket => Synth.Properties(Synth.Stack.Models.Bucket);

    [Fact]
    public void Bucket_Versioning_IsEnabled() =>
        Assert.Equal("Enabled", Bucket["VersioningConfiguration"]!["Status"]!.GetValue<string>());

    [Fact]
    public void Bucket_PublicAccess_IsBlockedEveryWay()
    {
        var block = Bucket["PublicAccessBlockConfiguration"]!.AsObject();
        foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
        {
            Assert.True(block[setting]?.GetValue<bool>(), setting);
        }
    }

    [Fact]
    public void Bucket_Encryption_IsOnByDefault() =>
        Assert.Equal("AES256", Bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!
            ["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());

    [Fact]
    public void BucketPolicy_InsecureTransport_IsDeniedForEveryone()
    {
        var policy = Assert.Single(Synth.OfType("AWS::S3::BucketPolicy")).Properties;
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(statements, s =>
            s!["Effect"]!.GetValue<string>() == "Deny" &&
            s["Principal"]!.ToJsonString() == """{"AWS":"*"}""" &&
            s["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false");
    }

    [Fact]
    public void Bucket_Lifecycle_MovesNoncurrentVersionsToInfrequentAccessThenExpiresThemAfterTheParameter()
    {
        var rule = Assert.Single(Bucket["LifecycleConfiguration"]!["Rules"]!.AsArray())!;
        var transition = Assert.Single(rule["NoncurrentVersionTransitions"]!.AsArray())!;
        Assert.Equal("STANDARD_IA", transition["StorageClass"]!.GetValue<string>());
        Assert.Equal(30, transition["TransitionInDays"]!.GetValue<int>());
        Assert.Equal("""{"Ref":"NoncurrentVersionRetentionDays"}""", rule["NoncurrentVersionExpiration"]!["NoncurrentDays"]!.ToJsonString());
        Assert.Equal(31, Synth.Template["Parameters"]!["NoncurrentVersionRetentionDays"]!["MinValue"]!.GetValue<int>());
    }

    [Fact]
    public void Bucket_StackDeletion_RetainsTheModels()
    {
        var resource = Synth.Resources[Synth.LogicalId(Synth.Stack.Models.Bucket)]!;
        Assert.Equal("Retain", resource["DeletionPolicy"]!.GetValue<string>());
    }
}
