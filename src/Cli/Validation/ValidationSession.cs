using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;

namespace MultiModel.Cli.Validation;

/// <summary>
/// ONNX Runtime set up as the host sets it up (<c>ModelHost:Inference</c> settings through <see cref="SessionOptionsFactory"/>,
/// warm-up run included, so first-use costs are not charged to the first model measured), the loader's settings
/// (<c>ModelHost:Cache</c>), and the budget of the function the candidate must fit.
/// </summary>
internal sealed class ValidationSession : IDisposable
{
    private readonly SessionOptions _sessionOptions;

    public ValidationSession(IConfiguration settings, TimeProvider time, ValidationLimits limits, int? memoryMegabytes)
    {
        var inference = settings.GetSection(InferenceOptions.SectionName).Get<InferenceOptions>() ?? new InferenceOptions();
        var cache = settings.GetSection(ModelCacheOptions.SectionName).Get<ModelCacheOptions>() ?? new ModelCacheOptions();
        Budget = FunctionBudget.Resolve(memoryMegabytes, settings);
        _sessionOptions = SessionOptionsFactory.Create(inference);
        Validator = new ModelValidator(new ModelMeasurer(_sessionOptions, cache, time), limits, Budget);
    }

    public CacheBudget Budget { get; }

    public ModelValidator Validator { get; }

    public void Dispose() => _sessionOptions.Dispose();
}
