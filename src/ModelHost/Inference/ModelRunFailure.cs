using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// What an ONNX Runtime failure during a run says about whose fault it was. ONNX Runtime reports a bad argument as
/// InvalidArgument (our 400, like the signature's own checks); a kernel that meets shapes it cannot work with (a
/// broadcast between sizes that differ, dimensions a kernel refuses) fails as a RuntimeException with a message that
/// says so: that is the caller's input too, for a model that runs on other inputs (422). Anything else, a Reshape
/// to a size the model itself fixed included, is the model's or the server's (500, logged).
/// </summary>
internal static partial class ModelRunFailure
{
    /// <summary>The caller's exception for a failure the input caused; null for one that is the server's.</summary>
    public static Exception? ForCaller(OnnxRuntimeException exception)
    {
        var message = WithoutServerPaths(exception.Message);
        if (exception.Message.Contains("[ErrorCode:InvalidArgument]", StringComparison.Ordinal))
        {
            return new InvalidInputException($"The model rejected the input: {message}");
        }

        return InputShapeFailure().IsMatch(exception.Message)
            ? new InputRejectedByModelException($"The model could not run on this input: {message}")
            : null;
    }

    /// <summary>The message without the source file paths ONNX Runtime puts in it (its build's, the server's business).</summary>
    public static string WithoutServerPaths(string message) => SourcePath().Replace(message, "");

    // Kernel checks that depend on the input's sizes: element-wise broadcasting, and dimensions a kernel refuses.
    [GeneratedRegex(@"Attempting to broadcast an axis by a dimension other than 1|Got invalid dimensions|Invalid input shape|[Ii]ncompatible dimensions|dimension mismatch|shape mismatch")]
    private static partial Regex InputShapeFailure();

    // "/onnxruntime_src/onnxruntime/core/providers/cpu/math/element_wise_ops.h:560 " and the like.
    [GeneratedRegex(@"(?:[A-Za-z]:)?(?:[/\\][\w.+-]+)+\.(?:h|hpp|cc|cpp|c|cu)(?::\d+)?\s*")]
    private static partial Regex SourcePath();
}
