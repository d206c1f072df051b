using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Capture;

/// <summary>
/// Sampled requests and responses written as JSON Lines, bound from <c>ModelHost:DataCapture</c>. Opt in per model:
/// with no entry under <see cref="Models"/> nothing is captured and no writer runs.
/// </summary>
public sealed class DataCaptureOptions : IValidatableObject
{
    public const string SectionName = "ModelHost:DataCapture";

    /// <summary>SHA-256's own size: a shorter HMAC key weakens it (RFC 2104, section 3).</summary>
    public const int MinimumHashKeyBytes = 32;

    /// <summary>A bucket to write to, through the host's S3 client settings (<c>ModelHost:Store:S3</c>: region, endpoint, timeouts).</summary>
    public string? S3Bucket { get; set; }

    /// <summary>The folder the records go under, in the bucket or in <see cref="LocalFolder"/>.</summary>
    public string Prefix { get; set; } = "capture";

    /// <summary>A local folder to write to instead of a bucket (a container's volume, a developer's machine).</summary>
    public string? LocalFolder { get; set; }

    /// <summary>Records waiting to be written, at most; a record that finds the buffer full is dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int BufferRecords { get; set; } = 10_000;

    /// <summary>Records per object written, at most.</summary>
    [Range(1, 100_000)]
    public int BatchRecords { get; set; } = 1000;

    /// <summary>How often the buffer is written out: the longest a record waits, the host running.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A secret that makes <see cref="ModelCaptureOptions.HashInputs"/> keyed (HMAC-SHA256): without one, anyone who
    /// reads the records can find a hashed value from a small set (an age, a postcode) by hashing every candidate.
    /// From a secret store through configuration (an environment variable the deployment fills), never a checked-in file.
    /// </summary>
    public string? HashKey { get; set; }

    /// <summary>
    /// Each sampled request writes the buffer out before it ends, instead of leaving it to the timer. Meant for
    /// Lambda, where an environment is frozen after each invocation and may be shut down without a signal: this way
    /// no sampled record is lost, at the price of one write (an S3 PUT) on every sampled request's time there.
    /// </summary>
    public bool FlushWithinRequest { get; set; }

    /// <summary>Models captured, by id.</summary>
    public Dictionary<string, ModelCaptureOptions> Models { get; set; } = [];

    public bool Enabled => Models.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrEmpty(S3Bucket) == string.IsNullOrEmpty(LocalFolder))
        {
            yield return new ValidationResult(
                $"{SectionName} captures {string.Join(", ", Models.Keys)} and needs exactly one destination: {nameof(S3Bucket)} or {nameof(LocalFolder)}.");
        }

        if (HashKey is { } key && Encoding.UTF8.GetByteCount(key) < MinimumHashKeyBytes)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(HashKey)} is {Encoding.UTF8.GetByteCount(key)} bytes; a key for HMAC-SHA256 needs at least {MinimumHashKeyBytes} (random ones, e.g. `openssl rand -base64 32`).");
        }

        foreach (var (id, model) in Models)
        {
            var setting = $"{SectionName}:{nameof(Models)}:{id}";
            if (!ModelIdRule.IsValid(id))
            {
                yield return new ValidationResult($"{setting}: '{id}' is not a valid model id.");
            }

            if (model.SamplePercent is < 0 or > 100 || double.IsNaN(model.SamplePercent))
            {
                yield return new ValidationResult($"{setting}:{nameof(model.SamplePercent)} is {model.SamplePercent}; it must be between 0 and 100.");
            }

            if (model.RedactInputs.Intersect(model.HashInputs).FirstOrDefault() is { } both)
            {
                yield return new ValidationResult($"{setting}: input '{both}' is both redacted and hashed; name it in one of {nameof(model.RedactInputs)} or {nameof(model.HashInputs)}.");
            }
        }
    }
}

/// <summary>The checks of <see cref="DataCaptureOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class DataCaptureOptionsValidator : IValidateOptions<DataCaptureOptions>;
