using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.Cli.Validation;

/// <summary>A version to load: from the store it is in (or the files given, as a store), and how the report names it.</summary>
/// <param name="Reason">Why it is the one compared with, for the live version ("stable in rollout.json").</param>
internal sealed record ValidationSubject(IModelStore Store, ModelRef Ref, string Source, string? Reason = null);
