using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.DiskTier;

/// <summary>
/// The copies on disk and the bytes they use, least recently used evicted first. Room is reserved before a download
/// starts, so concurrent downloads cannot together overrun the budget. Copies served within
/// <see cref="ServedGrace"/> are not evicted: the caller may not have opened the file yet.
/// </summary>
internal sealed class DiskTierIndex(long budgetBytes)
{
    public static readonly TimeSpan ServedGrace = TimeSpan.FromSeconds(30);

    private readonly Dictionary<ModelRef, DiskTierEntry> _entries = [];
    private readonly Lock _lock = new();
    private long _usedBytes;
    private long _reservedBytes;

    public long UsedBytes
    {
        get
        {
            lock (_lock)
            {
                return _usedBytes;
            }
        }
    }

    public DiskTierEntry? Find(ModelRef model)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(model);
        }
    }

    /// <summary>The versions of a model with a copy here, ascending.</summary>
    public IReadOnlyList<int> VersionsOf(string modelId)
    {
        lock (_lock)
        {
            return _entries.Keys.Where(model => model.Id == modelId).Select(model => model.Version).Order().ToArray();
        }
    }

    /// <summary>
    /// Reserves <paramref name="size"/> bytes, choosing least recently used copies to evict (returned, for the caller
    /// to delete). False, evicting nothing, when the room cannot be made.
    /// </summary>
    public bool TryReserve(long size, DateTimeOffset now, out IReadOnlyList<DiskTierEntry> evicted)
    {
        lock (_lock)
        {
            var victims = new List<DiskTierEntry>();
            var free = budgetBytes - _usedBytes - _reservedBytes;
            if (free < size)
            {
                foreach (var candidate in _entries.Values.Where(entry => now - entry.LastUsed >= ServedGrace).OrderBy(entry => entry.LastUsed))
                {
                    victims.Add(candidate);
                    free += candidate.SizeBytes;
                    if (free >= size)
                    {
                        break;
                    }
                }
            }

            if (free < size)
            {
                evicted = [];
                return false;
            }

            foreach (var victim in victims)
            {
                RemoveLocked(victim);
            }

            _reservedBytes += size;
            evicted = victims;
            return true;
        }
    }

    public void Release(long reservedSize)
    {
        lock (_lock)
        {
            _reservedBytes -= reservedSize;
        }
    }

    /// <summary>Turns a reservation into an entry; returns the copy it replaces, if any, for the caller to delete.</summary>
    public DiskTierEntry? Commit(DiskTierEntry entry, long reservedSize)
    {
        lock (_lock)
        {
            _reservedBytes -= reservedSize;
            var replaced = _entries.GetValueOrDefault(entry.Model);
            if (replaced is not null)
            {
                RemoveLocked(replaced);
            }

            _entries[entry.Model] = entry;
            _usedBytes += entry.SizeBytes;
            return replaced;
        }
    }

    /// <summary>Adds a copy found on disk at start, when it fits; false means the caller deletes it.</summary>
    public bool TryAdopt(DiskTierEntry entry)
    {
        lock (_lock)
        {
            if (_entries.ContainsKey(entry.Model) || _usedBytes + entry.SizeBytes > budgetBytes)
            {
                return false;
            }

            _entries[entry.Model] = entry;
            _usedBytes += entry.SizeBytes;
            return true;
        }
    }

    /// <summary>Removes exactly this copy (not a newer one of the same model); false when it was already gone.</summary>
    public bool Remove(DiskTierEntry entry)
    {
        lock (_lock)
        {
            if (_entries.GetValueOrDefault(entry.Model) != entry)
            {
                return false;
            }

            RemoveLocked(entry);
            return true;
        }
    }

    private void RemoveLocked(DiskTierEntry entry)
    {
        _entries.Remove(entry.Model);
        _usedBytes -= entry.SizeBytes;
    }
}
