using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>ModelHost:Store:Kind picks the store; a value that names none stops the host at start, naming the setting.</summary>
public sealed class ModelStoreSettingsTests
{
    [Theory]
    [InlineData("Azure")]
    [InlineData("7")]
    public void Start_KindThatNamesNoStore_FailsNamingTheSetting(string kind)
    {
        using var app = new ModelHostApp(new() { ["ModelHost:Store:Kind"] = kind });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Kind", error.ToString(), StringComparison.Ordinal);
    }
}
