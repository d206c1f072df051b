namespace MultiModel.ModelHost.Storage;

/// <summary>Reads <c>ModelHost:Store:Kind</c> by name, as the host and the CLI accept it.</summary>
public static class ModelStoreKinds
{
    /// <summary>The setting's full name, as an operator writes it (ModelHost__Store__Kind in the environment).</summary>
    public const string Setting = $"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.Kind)}";

    /// <summary>
    /// The kind a value names, ignoring case; unset or empty is the default, Local. Numbers are refused although the
    /// configuration binder would take them: "1" for S3 is a typo more often than a choice.
    /// </summary>
    public static bool TryParse(string? value, out ModelStoreKind kind)
    {
        kind = ModelStoreKind.Local;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var name = Enum.GetNames<ModelStoreKind>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out kind);
    }

    /// <summary>The one line that says what is wrong with a value <see cref="TryParse"/> refused.</summary>
    public static string Refusal(string value) =>
        $"{Setting} is '{value}'; valid values: {string.Join(", ", Enum.GetNames<ModelStoreKind>())}.";
}
