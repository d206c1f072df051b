namespace MultiModel.Cli.Tuning;

/// <summary>The two architectures Lambda prices apart. Durations are measured on this machine for both (see docs/cost.md).</summary>
internal enum CpuArchitecture
{
    X86_64,
    Arm64,
}
