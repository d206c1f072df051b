namespace MultiModel.ModelHost.Tests.Support;

/// <summary>Tests that measure this process's memory: they run one at a time and beside no other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredMemory
{
    public const string Name = "Measured memory";
}
