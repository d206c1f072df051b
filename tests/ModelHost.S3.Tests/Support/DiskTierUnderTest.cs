using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.Storage.DiskTier;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>The disk tier over a real S3 store, in its own temporary folder (deleted on dispose).</summary>
public sealed class DiskTierUnderTest : IDisposable
{
    private readonly StoreUnderTest _s3;

    public DiskTierUnderTest(RadosgwFixture fixture, DiskTierOptions? options = null, TimeProvider? time = null, S3ModelStoreOptions? s3Options = null)
    {
        _s3 = fixture.CreateStore(s3Options);
        Options = options ?? new DiskTierOptions();
        if (options is null)
        {
            Options.Directory = Path.Combine(Path.GetTempPath(), $"disk-tier-{Guid.NewGuid():N}");
        }

        Time = time ?? TimeProvider.System;
        Store = Reopen();
    }

    public DiskTierModelStore Store { get; private set; } = null!;

    public DiskTierOptions Options { get; }

    public TimeProvider Time { get; }

    public RequestCounter Requests => _s3.Requests;

    /// <summary>A new tier over the same folder, as after a process restart (the old one lets go of the folder first).</summary>
    public DiskTierModelStore Reopen()
    {
        Store?.Dispose();
        return Store = new DiskTierModelStore(_s3.Store, Options, Time, NullLogger<DiskTierModelStore>.Instance);
    }

    public void Dispose()
    {
        Store.Dispose();
        _s3.Dispose();
        DeleteLater(Options.Directory);
    }

    private static void DeleteLater(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
