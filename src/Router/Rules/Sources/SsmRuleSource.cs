using System.Globalization;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MultiModel.Router.Rules.Sources;

/// <summary>
/// One String parameter per rule below <see cref="RulesOptions.SsmPath"/>, read with GetParametersByPath
/// (recursive, every page). The rule's name is the parameter name relative to the path.
/// </summary>
public sealed class SsmRuleSource(IAmazonSimpleSystemsManagement ssm, IOptions<RulesOptions> options) : IRuleSource
{
    private readonly string _path = options.Value.SsmPath.TrimEnd('/') is { Length: > 0 } p ? p : "/";

    public string Description => $"ssm:{_path}";

    public async Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var rules = new List<RawRule>();
        var unreadable = new List<SkippedRule>();
        var stamps = new List<string>();
        var request = new GetParametersByPathRequest
        {
            Path = _path,
            Recursive = true,
            // Rules hold no secrets; decrypting would make every poll depend on kms:Decrypt for one stray SecureString.
            WithDecryption = false,
            MaxResults = 10,
        };
        try
        {
            do
            {
                var response = await ssm.GetParametersByPathAsync(request, cancellationToken);
                foreach (var parameter in response.Parameters ?? [])
                {
                    var name = RelativeName(parameter.Name);
                    if (parameter.Type == ParameterType.SecureString)
                    {
                        unreadable.Add(new SkippedRule(name, "is a SecureString; store rules as String parameters (they hold no secrets)"));
                    }
                    else
                    {
                        rules.Add(new RawRule(name, parameter.Value ?? "", (parameter.Version ?? 0).ToString(CultureInfo.InvariantCulture)));
                        // A deleted and re-created parameter starts again at version 1: the date tells the two apart.
                        stamps.Add($"{name}@{parameter.Version}@{parameter.LastModifiedDate?.Ticks}");
                    }
                }

                request.NextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(request.NextToken));
        }
        catch (AmazonSimpleSystemsManagementException ex)
        {
            throw new RuleSourceException($"SSM GetParametersByPath '{_path}' failed: {ex.ErrorCode} ({(int)ex.StatusCode})", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RuleSourceException($"SSM GetParametersByPath '{_path}' failed: {ex.Message}", ex);
        }

        var fingerprint = string.Join(',', stamps.Concat(unreadable.Select(u => u.Name)).Order(StringComparer.Ordinal));
        return new RuleSourceSnapshot(rules, unreadable, fingerprint);
    }

    public IChangeToken? Watch() => null;

    private string RelativeName(string fullName) =>
        _path == "/" ? fullName.TrimStart('/')
        : fullName.StartsWith(_path + "/", StringComparison.Ordinal) ? fullName[(_path.Length + 1)..]
        : fullName;
}
