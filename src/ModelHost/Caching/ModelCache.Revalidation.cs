using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// Stale-while-revalidate: after <see cref="ModelCacheOptions.RevalidateAfter"/> a hit asks the store, in the
/// background, whether the model changed. The old model keeps serving while a changed one loads, and the swap is one
/// cache write. A failed reload keeps the old model; a model deleted from the store is dropped.
/// </summary>
public sealed partial class ModelCache
{
    private void RevalidateIfDue(LoadedModel model)
    {
        if (model.ETag is null
            || _time.GetUtcNow() - model.ValidatedAt < _options.RevalidateAfter
            || !model.TryBeginRevalidation())
        {
            return;
        }

        _ = Task.Run(() => RevalidateAsync(model));
    }

    private async Task RevalidateAsync(LoadedModel model)
    {
        try
        {
            if (await _store.IsUnchangedAsync(model.Ref, model.ETag!, CancellationToken.None))
            {
                model.MarkValidated(_time.GetUtcNow());
                return;
            }

            LogChanged(model.Ref);
            await JoinOrStartLoad(model.Ref, replacing: model).Loaded;
        }
        catch (ModelNotFoundException)
        {
            RemoveIfCurrent(model);
        }
        catch (Exception exception)
        {
            // Keep serving what works; try again after the next interval.
            model.MarkValidated(_time.GetUtcNow());
            LogRevalidationFailed(exception, model.Ref);
        }
        finally
        {
            model.EndRevalidation();
        }
    }

    private void RemoveIfCurrent(LoadedModel model)
    {
        lock (_admission)
        {
            if (IsCurrent(model))
            {
                Remove(model);
            }
        }
    }
}
