using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.S3.Tests.Support;

namespace MultiModel.ModelHost.S3.Tests.Storage;

[Collection(RadosgwCollection.Name)]
public sealed class S3ModelStoreFaultTests(RadosgwFixture s3)
{
    [Fact]
    public async Task FetchAsync_WrongSecretKey_ThrowsAccessDeniedAboutCredentials()
    {
        var id = RadosgwFixture.NewId("secret");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        using var sut = s3.CreateStore(secretKey: "not-the-secret");

        var fetch = await Assert.ThrowsAsync<ModelStoreAccessDeniedException>(() => sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None));
        var list = await Assert.ThrowsAsync<ModelStoreAccessDeniedException>(() => sut.Store.ListVersionsAsync(id, CancellationToken.None));

        Assert.Contains("rejected the credentials (SignatureDoesNotMatch)", fetch.Message);
        Assert.Contains("rejected the credentials", list.Message);
    }

    [Fact]
    public async Task FetchAsync_ObjectDeniedByBucketPolicy_ThrowsAccessDeniedAboutPermissions()
    {
        var id = RadosgwFixture.NewId("denied");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        await s3.Admin.PutBucketPolicyAsync(RadosgwFixture.Bucket, $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::{{RadosgwFixture.Bucket}}/{{id}}/*"}]}
            """);
        using var sut = s3.CreateStore();

        try
        {
            var error = await Assert.ThrowsAsync<ModelStoreAccessDeniedException>(() => sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None));

            Assert.Contains("denied access", error.Message);
            Assert.Contains("s3:GetObject", error.Message);
        }
        finally
        {
            await s3.Admin.DeleteBucketPolicyAsync(RadosgwFixture.Bucket);
        }
    }

    [Fact]
    public async Task FetchAsync_BucketDoesNotExist_ThrowsAccessDeniedNamingTheBucket()
    {
        var options = s3.Options();
        options.Bucket = "no-such-bucket";
        using var sut = s3.CreateStore(options);

        var error = await Assert.ThrowsAsync<ModelStoreAccessDeniedException>(() => sut.Store.FetchAsync(new("any", 1), long.MaxValue, CancellationToken.None));

        Assert.Contains("'no-such-bucket' does not exist", error.Message);
    }

    [Fact]
    public async Task Operations_GatewayStopped_ThrowUnavailableWithRetryAfterThenRecover()
    {
        var id = RadosgwFixture.NewId("outage");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        var options = s3.Options();
        options.RetryAfter = TimeSpan.FromSeconds(7);
        using var sut = s3.CreateStore(options);
        var etag = (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).ETag!;

        await s3.Server.StopGatewayAsync();
        try
        {
            var fetch = await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None));
            await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => sut.Store.ListVersionsAsync(id, CancellationToken.None));
            await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => sut.Store.IsUnchangedAsync(new(id, 1), etag, CancellationToken.None));
            Assert.Equal(TimeSpan.FromSeconds(7), fetch.RetryAfter);
            Assert.Contains("unreachable", fetch.Message);
        }
        finally
        {
            await s3.Server.StartGatewayAsync();
        }

        Assert.Equal(SmallModels.Small, (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).Bytes);
        Assert.True(await sut.Store.IsUnchangedAsync(new(id, 1), etag, CancellationToken.None));
    }

    [Fact]
    public async Task FetchAsync_GatewayHangs_ThrowsUnavailableAfterTheRequestTimeout()
    {
        var id = RadosgwFixture.NewId("frozen");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        var options = s3.Options();
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);
        options.MaxErrorRetry = 0;
        using var sut = s3.CreateStore(options);

        await s3.Server.FreezeGatewayAsync();
        ModelStoreUnavailableException error;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            error = await Assert.ThrowsAsync<ModelStoreUnavailableException>(() => sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None));
        }
        finally
        {
            await s3.Server.ThawGatewayAsync();
        }

        // Generous bound: it only shows the configured timeout ended the wait, not the SDK's default of minutes.
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
        Assert.Contains("unreachable or too slow", error.Message);
        Assert.Equal(SmallModels.Small, (await sut.Store.FetchAsync(new(id, 1), long.MaxValue, CancellationToken.None)).Bytes);
    }
}
