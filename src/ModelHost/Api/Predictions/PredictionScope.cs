using System.Diagnostics;
using System.Threading.RateLimiting;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Caching.ResponseCache;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Everything one prediction holds, owned in one place: its slot, its pooled body, its model's lease, its input
/// tensors and its outputs. A step takes a resource by setting it here and gives it back through a <c>Release</c>
/// method, never by handing it from variable to variable; <see cref="Dispose"/> gives back whatever is still held, in
/// the order it must go (the outputs come from the model's allocator, so they go before its lease, and the lease before
/// the slot). What the request's outcome reports (the model it held, cache hit, load and run times) is kept here too,
/// so it stays readable after the resources are gone.
/// </summary>
internal sealed class PredictionScope(HttpContext context, IPredictionFormat format) : IDisposable
{
    private bool _inputsReleased;

    public long StartedTimestamp { get; } = Stopwatch.GetTimestamp();

    public HttpContext Context { get; } = context;

    /// <summary>Made up by Lambda's init-phase warm-up: served in full, recorded nowhere (<see cref="WarmupRequestFeature"/>).</summary>
    public bool IsWarmup { get; } = WarmupRequestFeature.IsSetOn(context);

    public IPredictionFormat Format { get; } = format;

    /// <summary>The id as requested, and the version once it is known (pinned, or chosen for the request).</summary>
    public string ModelId { get; set; } = "";

    public int? Version { get; set; }

    /// <summary>Whether the request named its version.</summary>
    public bool Pinned { get; set; }

    /// <summary>The version the request runs, once chosen, and why; the shadow to run after it, if any.</summary>
    public VersionChoice Choice { get; set; }

    public ModelRef Model => Choice.Model;

    public RateLimitLease? Slot { get; private set; }

    public ParsedBody? Body { get; set; }

    /// <summary>The model's lease while the request holds it; its figures stay in <see cref="HeldModel"/>, <see cref="CacheHit"/> and <see cref="LoadTime"/>.</summary>
    public ModelLease? Lease { get; private set; }

    /// <summary>The model the request held: the model tags of its metrics. Null until a lease was taken.</summary>
    public ModelRef? HeldModel { get; private set; }

    /// <summary>For a request that failed holding no model: its id once the store has listed that model, else null.</summary>
    public string? ListedModelId { get; set; }

    public bool CacheHit { get; private set; }

    public TimeSpan LoadTime { get; private set; }

    public PredictionRequest? Request { get; set; }

    /// <summary>How long the model ran, once it has, whether it succeeded or failed.</summary>
    public TimeSpan? RunTime { get; set; }

    public Prediction? Prediction { get; set; }

    public CapturedPrediction? Captured { get; set; }

    /// <summary>What the response cache did, the key of this request's answer there, and the copy of its answer being written.</summary>
    public ResponseCacheResult ResponseCacheResult { get; set; }

    public ResponseKey? ResponseKey { get; set; }

    public ResponseRecording? ResponseRecording { get; set; }

    public CancellationToken Aborted => Context.RequestAborted;

    public void TakeSlot(RateLimitLease slot) => Slot = slot;

    public void ReleaseSlot()
    {
        Slot?.Dispose();
        Slot = null;
    }

    public void TakeLease(ModelLease lease)
    {
        Lease = lease;
        HeldModel = lease.Ref;
        (CacheHit, LoadTime) = (lease.CacheHit, lease.LoadTime);
    }

    public void ReleaseBody()
    {
        Body?.Dispose();
        Body = null;
    }

    /// <summary>Frees the input tensors; what the response echoes of the request stays readable.</summary>
    public void ReleaseInputs()
    {
        if (!_inputsReleased)
        {
            Request?.Dispose();
            _inputsReleased = Request is not null;
        }
    }

    /// <summary>Hands the inputs, the outputs and the model's lease over to a shadow run, which gives them back when it ends.</summary>
    public AnsweredPrediction TakeAnswered()
    {
        var answered = new AnsweredPrediction(Request!, Prediction!, Lease!);
        (Prediction, Lease, _inputsReleased) = (null, null, true);
        return answered;
    }

    /// <summary>Gives back whatever is still held; safe to call again.</summary>
    public void Dispose()
    {
        Prediction?.Dispose();
        Prediction = null;
        ReleaseInputs();
        ReleaseBody();
        Lease?.Dispose();
        Lease = null;
        ReleaseSlot();
    }
}
