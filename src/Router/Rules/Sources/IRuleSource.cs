using Microsoft.Extensions.Primitives;

namespace MultiModel.Router.Rules.Sources;

/// <summary>Where rules are stored. Throws <see cref="RuleSourceException"/> when the store cannot be read at all.</summary>
public interface IRuleSource
{
    /// <summary>Names the store in logs and error bodies, e.g. "ssm:/multimodel/routes".</summary>
    string Description { get; }

    Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Fires when the store signals a change (a file write); null for stores that are only polled.</summary>
    IChangeToken? Watch();
}
