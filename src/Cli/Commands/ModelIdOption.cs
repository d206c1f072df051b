using System.CommandLine;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>Every verb's <c>--id</c>, checked with the one id rule the host and both stores use.</summary>
internal static class ModelIdOption
{
    public static Option<string> Add(Command command)
    {
        var id = new Option<string>("--id") { Description = "The model's id.", Required = true };
        command.Options.Add(id);
        return id;
    }

    public static string Read(ParseResult parse, Option<string> id) =>
        parse.GetRequiredValue(id) is var value && ModelIdRule.IsValid(value) ? value
            : throw new CliException($"'{value}' is not a model id: expected {ModelIdRule.Description}.");
}
