using System.ComponentModel.DataAnnotations;

namespace MultiModel.ModelHost.Capture;

/// <summary>What to capture of one model's predictions, under <c>ModelHost:DataCapture:Models:{id}</c>.</summary>
public sealed class ModelCaptureOptions
{
    /// <summary>The share of its successful predictions captured, each request drawn at random.</summary>
    [Range(0.0, 100.0)]
    public double SamplePercent { get; set; }

    /// <summary>Inputs written by name only (<c>"redacted": true</c>): their values never leave the request.</summary>
    public string[] RedactInputs { get; set; } = [];

    /// <summary>
    /// Inputs whose every element is written as the lowercase hex SHA-256 of its JSON text (HMAC-SHA256 under
    /// <see cref="DataCaptureOptions.HashKey"/> when one is set), so equal values can still be joined.
    /// </summary>
    public string[] HashInputs { get; set; } = [];

    /// <summary>Whether the outputs are written beside the inputs.</summary>
    public bool CaptureOutputs { get; set; } = true;
}
