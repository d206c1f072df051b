using System.Text.Json;

namespace MultiModel.Deploy.Configuration;

/// <summary>Reads deploy/multimodel.json and refuses to synthesize anything it cannot fully validate.</summary>
internal static class DeploymentConfigLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt key would otherwise be ignored and its default deployed silently.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static DeploymentConfig Load(string path) => Parse(File.ReadAllText(path), path);

    public static DeploymentConfig Parse(string json, string source = "configuration")
    {
        DeploymentConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<DeploymentConfig>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{source}: {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new InvalidOperationException($"{source}: the document is empty.");
        }

        if (config.ModelHost.Name.Length == 0)
        {
            // The shared ModelHost needs no name in the file; routes refer to it as "shared".
            config = config with { ModelHost = config.ModelHost with { Name = DeploymentConfig.SharedFunctionName } };
        }

        var errors = DeploymentConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{source} is invalid:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", errors));
        }

        return config;
    }
}
