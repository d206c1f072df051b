using Amazon.CDK.AWS.Lambda;
using EcrPlatform = Amazon.CDK.AWS.Ecr.Assets.Platform_;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The one image both apps and the <c>multimodel</c> tool ship in (the Dockerfile at the repository root). Each lives
/// in its own folder under /var/task; the Lambda .NET base image runs an executable assembly named by the command,
/// relative to /var/task, and the working directory is the app's folder so its appsettings.json is its content root.
/// </summary>
internal sealed class ContainerImage(string directory, Architecture architecture)
{
    public const string ModelHostCommand = "modelhost/ModelHost";
    public const string ModelHostDirectory = "/var/task/modelhost";
    public const string RouterCommand = "router/Router";
    public const string RouterDirectory = "/var/task/router";
    public const string CliCommand = "cli/multimodel";
    public const string CliDirectory = "/var/task/cli";

    public Architecture Architecture { get; } = architecture;

    public DockerImageCode ModelHost() => Code(ModelHostCommand, ModelHostDirectory);

    public DockerImageCode Router() => Code(RouterCommand, RouterDirectory);

    public DockerImageCode Cli() => Code(CliCommand, CliDirectory);

    // Same directory, file and build args give the same asset hash, so every function shares one image build.
    private DockerImageCode Code(string command, string workingDirectory) =>
        DockerImageCode.FromImageAsset(directory, new AssetImageCodeProps
        {
            File = "Dockerfile",
            Platform = Architecture == Architecture.ARM_64 ? EcrPlatform.LINUX_ARM64 : EcrPlatform.LINUX_AMD64,
            // BuildKit sets TARGETARCH from --platform; passing it too keeps a classic builder correct.
            BuildArgs = new Dictionary<string, string> { ["TARGETARCH"] = Architecture == Architecture.ARM_64 ? "arm64" : "amd64" },
            Cmd = [command],
            WorkingDirectory = workingDirectory,
        });
}
