using System.Text;

namespace MultiModel.Router.Tests.Support;

/// <summary>The independent verifier must itself be right: checked against published test vectors.</summary>
public sealed class SigV4VerifierTests
{
    [Fact]
    public void Hmac_Rfc4231TestCase2_MatchesPublishedDigest() =>
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            SigV4Verifier.Hex(Hmac.Sha256(Encoding.ASCII.GetBytes("Jefe"), Encoding.ASCII.GetBytes("what do ya want for nothing?"))));

    [Fact]
    public void Hmac_KeyLongerThanBlock_MatchesRfc4231TestCase6() =>
        Assert.Equal("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            SigV4Verifier.Hex(Hmac.Sha256(Enumerable.Repeat((byte)0xaa, 131).ToArray(), Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First"))));

    [Fact]
    public void Signature_AwsDocumentationIamExample_MatchesPublishedSignature()
    {
        // The GET ListUsers example from the AWS SigV4 documentation (secret and date are the documented ones).
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["host"] = "iam.amazonaws.com",
            ["x-amz-date"] = "20150830T123600Z",
        };
        var canonical = SigV4Verifier.CanonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", n => headers[n],
            ["content-type", "host", "x-amz-date"], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", doubleEncodePath: true);

        var signature = SigV4Verifier.Signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "us-east-1", "iam", canonical);

        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", signature);
    }

    [Theory]
    [InlineData("iris", "iris")]
    [InlineData("a b", "a%2520b")]
    [InlineData("x~y.z-_", "x~y.z-_")]
    public void CanonicalRequest_NonS3Path_SegmentsEncodedTwice(string segment, string expected)
    {
        var canonical = SigV4Verifier.CanonicalRequest("GET", "/models/" + Uri.EscapeDataString(segment), "", _ => "", [], "h", doubleEncodePath: true);

        Assert.Equal($"/models/{expected}", canonical.Split('\n')[1]);
    }
}
