using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Tests.Models;

public sealed class ModelIdsTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("0", 0)]
    [InlineData("01", 0)]
    [InlineData("007", 0)]
    [InlineData("+1", 0)]
    [InlineData("-1", 0)]
    [InlineData(" 1", 0)]
    [InlineData("1.0", 0)]
    [InlineData("2147483648", 0)]
    [InlineData("latest", 0)]
    [InlineData("", 0)]
    public void StoredVersion_FolderName_OnlyTheSpellingAStoreFetchesIsAVersion(string folder, int expected) =>
        Assert.Equal(expected, ModelIds.StoredVersion(folder));
}
