using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// A model ONNX Runtime can run: its session, what it takes and returns, and its label post-processing. Loaded from a
/// file (ONNX Runtime reads it, and any external data beside it, from disk) or from bytes in memory. Disposing it
/// frees the session's native memory, so whoever shares it decides when no run still needs it.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private OnnxModel(InferenceSession session, ModelSignature signature, LabelPostProcessor? labels)
    {
        Session = session;
        Signature = signature;
        Labels = labels;
    }

    public ModelSignature Signature { get; }

    /// <summary>Top-label post-processing from the model's sidecar; null when it has none.</summary>
    public LabelPostProcessor? Labels { get; }

    internal InferenceSession Session { get; }

    /// <summary>Throws <see cref="ModelLoadFailedException"/> when ONNX Runtime cannot load the file or the host cannot use it.</summary>
    public static OnnxModel Load(ModelRef model, string path, SessionOptions options, ModelSidecar? sidecar) =>
        Open(model, () => new InferenceSession(path, options), sidecar, Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <inheritdoc cref="Load(ModelRef, string, SessionOptions, ModelSidecar?)"/>
    public static OnnxModel Load(ModelRef model, byte[] bytes, SessionOptions options, ModelSidecar? sidecar) =>
        Open(model, () => new InferenceSession(bytes, options), sidecar);

    public void Dispose() => Session.Dispose();

    private static OnnxModel Open(ModelRef model, Func<InferenceSession> create, ModelSidecar? sidecar, string? folder = null)
    {
        InferenceSession session;
        try
        {
            session = create();
        }
        catch (OnnxRuntimeException exception)
        {
            // ONNX Runtime names the file it read ("Load model from /srv/models/iris/2/model.onnx failed"); a caller
            // sees this message, and the server's folders are none of its business.
            var message = folder is null ? exception.Message : exception.Message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            throw new ModelLoadFailedException($"ONNX Runtime could not load {model}: {message}", exception);
        }

        try
        {
            // Checked once here, so that a model whose inputs or sidecar do not fit fails its load, not every request.
            var signature = ModelSignature.Read(session);
            var labels = sidecar is null ? null : LabelPostProcessor.Create(sidecar, signature, model);
            return new OnnxModel(session, signature, labels);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
