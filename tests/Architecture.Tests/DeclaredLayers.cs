namespace MultiModel.Architecture.Tests;

/// <summary>Each app's folder order, top first (docs/architecture.md draws it).</summary>
public static class DeclaredLayers
{
    /// <summary>
    /// Health reports on the rules; Forwarding sends a request to the target TargetSelection chose, by the Rules in
    /// force; Logging is every event's definition and uses nothing.
    /// </summary>
    public static LayerOrder Router { get; } = new("Router", "Health", "Forwarding", "TargetSelection", "Rules", "Logging");

    /// <summary>
    /// Hosting registers and starts everything; Api is the endpoints and the wire formats (Api/Formats), and hands the
    /// records of sampled predictions to Capture, which writes them away (to a bucket through Storage's S3 settings);
    /// Rollout chooses the version a request runs by the model's policy in the store, and keeps its guardrail and figures;
    /// Caching keeps loaded models, each with its Monitoring (the top scores of its runs against a baseline), which
    /// Inference runs with ONNX Runtime; Storage fetches them; Models is the vocabulary every folder shares (model
    /// reference, id rule, error types) and uses nothing.
    /// </summary>
    public static LayerOrder ModelHost { get; } = new("ModelHost", "Hosting", "Api", "Capture", "Rollout", "Caching", "Monitoring", "Inference", "Storage", "Models");

    /// <summary>
    /// The multimodel tool: Advancer is its other entry, the rollout advancer's Lambda events, which it carries out with
    /// the verbs' own steps (Rollouts) and error messages (Commands); Commands are the verbs and their output; Rollouts change a model's policy (and check whether a
    /// version came through Publishing); Publishing writes validated versions; Validation loads and measures models with
    /// the host's own loader; Stores reads and writes the host's stores and uses nothing of the tool.
    /// </summary>
    public static LayerOrder Cli { get; } = new("Cli", "Advancer", "Commands", "Tuning", "Rollouts", "Publishing", "Validation", "Stores");

    /// <summary>The apps whose folders are checked.</summary>
    public static IReadOnlyList<LayerOrder> All { get; } = [ModelHost, Router, Cli];
}
