using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MultiModel.ServiceDefaults;

public static class GeneratedOptionsValidation
{
    /// <summary>
    /// Checks the options' data annotations with <typeparamref name="TValidator"/>, a validator the options source
    /// generator wrote (<see cref="OptionsValidatorAttribute"/>), instead of ValidateDataAnnotations' reflection: the
    /// same checks and attribute messages (prefixed with the member, not "DataAnnotation validation failed for ..."),
    /// without ~10 ms of cold start per options type spent finding them by reflection.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateGenerated<TOptions, TValidator>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return builder;
    }
}
