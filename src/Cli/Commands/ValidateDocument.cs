using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>What <c>validate --json</c> writes.</summary>
internal sealed record ValidateDocument(bool Passed, ValidationReport Report)
{
    public string Command => "validate";
}
