using Microsoft.Extensions.Options;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// Options read from a configuration section and checked before the host starts, so that a value out of range ends
/// the process with one line naming the setting as the operator wrote it ("Invalid setting in ModelHost:Cache:
/// MaxConcurrentLoads: ...") and exit 1, instead of the host's start failing with a logged stack trace and an abort.
/// </summary>
public static class SettingsCheck
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and remembers the section for <see cref="InvalidSettings"/>.</summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section) where TOptions : class
    {
        builder.Services.AddSingleton(new SettingsSection(typeof(TOptions), section));
        return builder.BindConfiguration(section);
    }

    /// <summary>
    /// Runs the checks the host would run as it starts (every <c>ValidateOnStart</c>); null when they pass, else one line
    /// per failure. Program.cs calls it right after the app is built. Under WebApplicationFactory the entry point stops
    /// at the build, so tests still see the host's own OptionsValidationException.
    /// </summary>
    public static string? InvalidSettings(this IHost app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException failure)
        {
            return Describe(app.Services, failure);
        }
        catch (AggregateException failures) when (failures.InnerExceptions.All(static inner => inner is OptionsValidationException))
        {
            return string.Join(Environment.NewLine, failures.InnerExceptions.Select(inner => Describe(app.Services, (OptionsValidationException)inner)));
        }
    }

    private static string Describe(IServiceProvider services, OptionsValidationException failure)
    {
        var section = services.GetServices<SettingsSection>().LastOrDefault(known => known.OptionsType == failure.OptionsType)?.Section
            ?? failure.OptionsType.Name;
        return string.Join(Environment.NewLine, failure.Failures.Select(message => $"Invalid setting in {section}: {message}"));
    }

    private sealed record SettingsSection(Type OptionsType, string Section);
}
