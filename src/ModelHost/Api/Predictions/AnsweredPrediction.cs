using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// What a shadow run needs of the prediction it shadows, taken over from the request's scope once the caller has its
/// answer: the input tensors, the answer's outputs and the lease on the model that made them (the outputs come from its
/// allocator). Disposed in that order when the shadow run ends.
/// </summary>
internal sealed class AnsweredPrediction(PredictionRequest request, Prediction prediction, ModelLease lease) : IDisposable
{
    public ModelInputs Inputs => request.Inputs;

    public Prediction Prediction { get; } = prediction;

    public LoadedModel Model => lease.Model;

    public void Dispose()
    {
        Prediction.Dispose();
        request.Dispose();
        lease.Dispose();
    }
}
