namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>One external data file of a copy, as <c>entry.json</c> records it: its name beside the model and its size.</summary>
internal sealed record DiskTierDataFile(string Name, long SizeBytes);
