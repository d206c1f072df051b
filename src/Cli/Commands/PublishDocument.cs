using MultiModel.Cli.Publishing;
using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>What <c>publish --json</c> writes: the validation (null with <c>--force</c>) and, when it passed, what was written.</summary>
internal sealed record PublishDocument(bool Published, PublishResult? Result, ValidationReport? Validation)
{
    public string Command => "publish";
}
