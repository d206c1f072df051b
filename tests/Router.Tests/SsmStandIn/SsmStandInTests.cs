using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace MultiModel.Router.Tests.SsmStandIn;

/// <summary>The stand-in must behave like SSM for the real SDK client, or the router tests built on it prove nothing.</summary>
public sealed class SsmStandInTests : IAsyncLifetime
{
    private SsmStandInServer _ssm = null!;
    private AmazonSimpleSystemsManagementClient _client = null!;

    public async Task InitializeAsync()
    {
        _ssm = await SsmStandInServer.StartAsync();
        _client = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = _ssm.ServiceUrl.ToString(), MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _ssm.DisposeAsync();
    }

    [Fact]
    public async Task PutParameter_Overwrite_IncrementsVersionAndGetReturnsLatest()
    {
        var first = await _client.PutParameterAsync(new PutParameterRequest { Name = "/app/x", Value = "one", Type = ParameterType.String });
        var second = await _client.PutParameterAsync(new PutParameterRequest { Name = "/app/x", Value = "two", Type = ParameterType.String, Overwrite = true });
        var got = await _client.GetParameterAsync(new GetParameterRequest { Name = "/app/x" });

        Assert.Equal((1L, 2L), (first.Version, second.Version));
        Assert.Equal(("two", 2L, ParameterType.String), (got.Parameter.Value, got.Parameter.Version, got.Parameter.Type));
    }

    [Fact]
    public async Task PutParameter_ExistsWithoutOverwrite_ThrowsParameterAlreadyExists()
    {
        _ssm.Put("/app/x", "one");

        await Assert.ThrowsAsync<ParameterAlreadyExistsException>(() =>
            _client.PutParameterAsync(new PutParameterRequest { Name = "/app/x", Value = "two", Type = ParameterType.String }));
    }

    [Fact]
    public async Task GetParameter_Missing_ThrowsParameterNotFound() =>
        await Assert.ThrowsAsync<ParameterNotFoundException>(() => _client.GetParameterAsync(new GetParameterRequest { Name = "/nope" }));

    [Fact]
    public async Task GetParametersByPath_MoreThanOnePage_PagesWithNextTokenAndHonoursRecursion()
    {
        for (var i = 0; i < 23; i++)
        {
            _ssm.Put($"/app/p{i:D2}", $"v{i}");
        }

        _ssm.Put("/app/nested/deep", "d");
        _ssm.Put("/other/x", "o");

        var names = new List<string>();
        var request = new GetParametersByPathRequest { Path = "/app", Recursive = false, MaxResults = 10 };
        do
        {
            var page = await _client.GetParametersByPathAsync(request);
            names.AddRange(page.Parameters.Select(p => p.Name));
            request.NextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));

        Assert.Equal(23, names.Count);
        Assert.DoesNotContain("/app/nested/deep", names);
        Assert.Equal(["GetParametersByPath", "GetParametersByPath+token", "GetParametersByPath+token"], _ssm.Calls);
    }

    [Fact]
    public async Task GetParametersByPath_Empty_ReturnsEmptyListNotNull()
    {
        var page = await _client.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/empty", Recursive = true });

        Assert.NotNull(page.Parameters);
        Assert.Empty(page.Parameters);
    }

    [Fact]
    public async Task AnyCall_StandInToldToFail_SdkSurfacesServiceError()
    {
        _ssm.FailWithStatus = 500;

        var error = await Assert.ThrowsAsync<InternalServerErrorException>(() =>
            _client.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/app" }));

        Assert.Equal((500, "InternalServerError"), ((int)error.StatusCode, error.ErrorCode));
    }
}
