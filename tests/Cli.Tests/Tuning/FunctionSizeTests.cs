using MultiModel.Cli.Tuning;

namespace MultiModel.Cli.Tests.Tuning;

public sealed class FunctionSizeTests
{
    [Theory]
    [InlineData(1769, 1.0, 1.0, false)]
    [InlineData(885, 0.5003, 0.5003, false)]
    [InlineData(3008, 1.7004, 1.7004, false)]
    [InlineData(10240, 5.7886, 2.0, true)] // Lambda's 6 vCPUs, emulated with this machine's 2 cores
    public void Of_Megabytes_GivesLambdasVcpusCappedAtTheMachinesCores(int memoryMb, double vcpus, double emulated, bool capped)
    {
        var size = FunctionSize.Of(memoryMb, machineCores: 2);

        Assert.Equal(vcpus, size.Vcpus, 0.0001);
        Assert.Equal(emulated, size.EmulatedVcpus, 0.0001);
        Assert.Equal(capped, size.CpuCapped);
    }

    [Theory]
    [InlineData("512,abc", "'abc' is not a Lambda memory size; expected whole megabytes from 128 to 10240")]
    [InlineData("64", "'64' is not a Lambda memory size")]
    [InlineData("512,512", "512 MB is given twice")]
    [InlineData(",", "no size given")]
    public void ParseList_BadSizes_SaysWhatWasExpected(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<TuningException>(() => FunctionSize.ParseList(text, 2)).Message, StringComparison.Ordinal);

    [Fact]
    public void ParseList_Unordered_SortsBySize() =>
        Assert.Equal([512, 1024, 3008], FunctionSize.ParseList("3008, 512,1024", 2).Select(size => size.MemoryMb));
}
