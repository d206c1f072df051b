using System.Text.Json.Nodes;
using Amazon.CDK;
using Constructs;
using MultiModel.Deploy.Configuration;
using MultiModel.Deploy.Infrastructure;

namespace MultiModel.Deploy.Tests;

/// <summary>
/// A stack synthesized the way `cdk synth` does it (real asset staging, real template file), read back as JSON.
/// A synthesis that leaves a warning or an error on any stack of the app fails here, for every test: `cdk synth`
/// prints such a message but still writes the template, so nothing else would stop it.
/// </summary>
internal sealed class SynthesizedStack
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Lazy<SynthesizedStack> DefaultStack = new(() => Synthesize(TestConfigs.Default()));

    private SynthesizedStack(MultiModelStack stack, JsonObject template, IReadOnlyList<string> assetFiles)
    {
        Stack = stack;
        Template = template;
        AssetFiles = assetFiles;
    }

    /// <summary>The stack of <see cref="TestConfigs.Default"/>, synthesized once for all tests that only read it.</summary>
    public static SynthesizedStack Default => DefaultStack.Value;

    public MultiModelStack Stack { get; }

    public JsonObject Template { get; }

    /// <summary>Files of the staged image asset (what `docker build` would receive), relative, '/'-separated.</summary>
    public IReadOnlyList<string> AssetFiles { get; }

    public JsonObject Resources => Template["Resources"]!.AsObject();

    public static SynthesizedStack Synthesize(DeploymentConfig config)
    {
        var outdir = Path.Combine(Path.GetTempPath(), "multimodel-deploy-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var app = new App(new AppProps { Outdir = outdir });
            var stack = new MultiModelStack(app, "Test", config, RepositoryPaths.Root);
            var assembly = app.Synth();
            var problems = Problems(assembly);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("Synthesis left warnings or errors:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, problems));
            }

            var template = JsonNode.Parse(File.ReadAllText(assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath))!.AsObject();
            var assets = Directory.GetDirectories(outdir, "asset.*")
                .SelectMany(dir => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
                    .Select(file => Path.GetRelativePath(dir, file).Replace('\\', '/')))
                .ToList();
            return new SynthesizedStack(stack, template, assets);
        }
        finally
        {
            if (Directory.Exists(outdir))
            {
                Directory.Delete(outdir, recursive: true);
            }
        }
    }

    /// <summary>
    /// Each warning or error annotation of every stack in the assembly, as "LEVEL path: message". Read from the
    /// manifest, where a message that holds a token (a Ref) is written as CloudFormation JSON rather than as the
    /// "[object Object]" the CLI prints.
    /// </summary>
    public static IReadOnlyList<string> Problems(Amazon.CDK.CXAPI.CloudAssembly assembly) =>
        assembly.StacksRecursively
            .SelectMany(stack =>
            {
                var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(stack.Assembly.Directory, "manifest.json")))!;
                var metadata = manifest["artifacts"]![stack.Id]!["metadata"]?.AsObject() ?? [];
                return metadata.SelectMany(path => path.Value!.AsArray().Select(entry => (Path: path.Key, Entry: entry!)));
            })
            .Select(m => (m.Path, Type: m.Entry["type"]!.GetValue<string>(), Data: m.Entry["data"]))
            .Where(m => m.Type is "aws:cdk:warning" or "aws:cdk:error")
            .Select(m => $"{m.Type} {m.Path}: {(m.Data is JsonValue text ? text.GetValue<string>() : m.Data?.ToJsonString(Readable))}")
            .ToList();

    public string LogicalId(IConstruct construct) => Stack.GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    public JsonObject Properties(string logicalId) => Resources[logicalId]!["Properties"]!.AsObject();

    public JsonObject Properties(IConstruct construct) => Properties(LogicalId(construct));

    public IEnumerable<(string Id, JsonObject Properties)> OfType(string type) =>
        Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []));

    /// <summary>
    /// The dashboard's body as CloudWatch will read it: Fn::Join's parts joined, each {"Ref": X} as the text {Ref:X}
    /// ({"Fn::GetAtt": [X, A]} as {GetAtt:X.A}). A reference where a number goes (a parameter in an annotation) is not
    /// inside quotes; it is read as a string.
    /// </summary>
    public JsonObject DashboardBody()
    {
        var dashboard = Assert.Single(OfType("AWS::CloudWatch::Dashboard"));
        var join = dashboard.Properties["DashboardBody"]!["Fn::Join"]!.AsArray();
        var text = new System.Text.StringBuilder();
        foreach (var part in join[1]!.AsArray())
        {
            if (part is JsonValue value)
            {
                text.Append(value.GetValue<string>());
                continue;
            }

            var reference = part!["Ref"] is { } name
                ? $"{{Ref:{name.GetValue<string>()}}}"
                : $"{{GetAtt:{part["Fn::GetAtt"]![0]!.GetValue<string>()}.{part["Fn::GetAtt"]![1]!.GetValue<string>()}}}";
            text.Append(text.Length > 0 && text[^1] is ':' or ',' or '[' ? $"\"{reference}\"" : reference);
        }

        return JsonNode.Parse(text.ToString())!.AsObject();
    }

    /// <summary>Every statement of every IAM policy attached to the role (inline or separate AWS::IAM::Policy).</summary>
    public IReadOnlyList<JsonObject> StatementsOf(IConstruct role)
    {
        var roleRef = new JsonObject { ["Ref"] = LogicalId(role) }.ToJsonString();
        return OfType("AWS::IAM::Policy")
            .Where(p => p.Properties["Roles"]!.AsArray().Any(r => r!.ToJsonString() == roleRef))
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();
    }

    /// <summary>All actions the role is allowed, flattened and sorted.</summary>
    public IReadOnlyList<string> ActionsOf(IConstruct role) =>
        StatementsOf(role).SelectMany(s => Strings(s["Action"])).Order(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => item is JsonValue v ? v.GetValue<string>() : item!.ToJsonString()),
        JsonValue value => [value.GetValue<string>()],
        _ => [node.ToJsonString()],
    };
}
