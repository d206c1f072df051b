using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Tests.Models;

public sealed class ModelIdRuleTests
{
    [Theory]
    [InlineData("iris")]
    [InlineData("house-price")]
    [InlineData("a")]
    [InlineData("v1.2_final-B")]
    [InlineData("0abc")]
    public void IsValid_SafeId_True(string id) => Assert.True(ModelIdRule.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("-a")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("../etc")]
    [InlineData("a*")]
    [InlineData("a b")]
    [InlineData("iris\n")]
    public void IsValid_IdThatCouldLeaveItsFolderOrIsNoName_False(string id) => Assert.False(ModelIdRule.IsValid(id));

    [Fact]
    public void IsValid_LengthLimit_128CharactersPass129DoNot()
    {
        Assert.True(ModelIdRule.IsValid(new string('a', 128)));
        Assert.False(ModelIdRule.IsValid(new string('a', 129)));
    }

    [Fact]
    public void Validate_IdTheRuleRefuses_ThrowsInvalidInputNamingTheRule()
    {
        var error = Assert.Throws<InvalidInputException>(() => ModelIds.Validate("a/b"));

        Assert.Contains("Model id 'a/b' is not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains(ModelIdRule.Description, error.Message, StringComparison.Ordinal);
    }
}
