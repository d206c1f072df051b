using Amazon.CDK;
using MultiModel.Deploy.Configuration;
using MultiModel.Deploy.Infrastructure;

// Run by the CDK CLI from deploy/ (see cdk.json); `-c config=path` picks another deployment description.
var app = new App();
var configPath = app.Node.TryGetContext("config") as string ?? "multimodel.json";
var stackName = app.Node.TryGetContext("stackName") as string ?? "MultiModel";
var config = DeploymentConfigLoader.Load(configPath);

// The image is built from the repository root, one level above deploy/.
var imageDirectory = Path.GetFullPath("..");
_ = new MultiModelStack(app, stackName, config, imageDirectory, new StackProps
{
    Env = new Amazon.CDK.Environment
    {
        Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
    },
});
app.Synth();
