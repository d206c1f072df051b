using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using MultiModel.ModelHost.Hosting;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>
/// Ids that Kestrel itself may refuse: a 10,000-character id reaches the app (the host lets request lines up to
/// 16 KB through) and gets the id rule in a ProblemDetails; past that, and for a percent-encoded NUL, Kestrel answers
/// first with a bare status, which these tests pin so that the docs stay true.
/// </summary>
public sealed class RefusedIdTests(KestrelHostFixture kestrel) : IClassFixture<KestrelHostFixture>
{
    private static readonly string LongId = new('a', 10_000);

    [Theory]
    [InlineData("/models/{0}/predict", "application/problem+json", "detail")]
    [InlineData("/v2/models/{0}/infer", "application/json", "error")]
    public async Task Kestrel_TenThousandCharacterId_TheAppAnswers400NamingTheIdRule(string route, string contentType, string field)
    {
        using var client = new HttpClient { BaseAddress = kestrel.Address };

        var response = await client.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, LongId), Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var message = (await response.JsonAsync()).GetProperty(field).GetString();
        Assert.Contains(ModelIdRule.Description, message, StringComparison.Ordinal);
        Assert.Contains(LongId[..64] + "...", message, StringComparison.Ordinal); // the id is shown, cut short
    }

    [Fact]
    public async Task Kestrel_RequestLinePastItsLimit_KestrelAnswersABare414()
    {
        using var client = new HttpClient { BaseAddress = kestrel.Address };

        var response = await client.PostAsync($"/models/{new string('a', ModelHostBuilderExtensions.MaxRequestLineBytes)}/predict", Json("{}"));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Kestrel_PercentEncodedNul_KestrelAnswersABare400()
    {
        // Kestrel's path decoder throws on %00 ("The path contains null characters") before routing; no setting lets it through.
        using var client = new HttpClient { BaseAddress = kestrel.Address };

        var response = await client.PostAsync("/models/ab%00c/predict", Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task WithoutKestrel_NulInTheId_TheAppAnswers400NamingTheIdRuleWithTheNulSpelledOut()
    {
        // As on Lambda: the adapter hands the app the path it decoded itself (WebUtility.UrlDecode, which lets %00 through),
        // and no Kestrel parses a request line. The test server's own client refuses %00 as Kestrel does, so the request
        // is made with that path directly.
        using var app = new ModelHostApp();

        var context = await app.Server.SendAsync(request =>
        {
            request.Request.Method = "POST";
            request.Request.Path = "/models/ab\0c/predict";
            request.Request.ContentType = "application/json";
            request.Request.Body = new MemoryStream("{}"u8.ToArray());
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        var detail = System.Text.Json.JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("detail").GetString();
        Assert.Contains("Model id 'ab\\u0000c' is not valid", detail, StringComparison.Ordinal);
        Assert.Contains(ModelIdRule.Description, detail, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
