using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// The record of a prediction picked for data capture, as one JSON line: <c>{"requestId", "time", "model", "version",
/// "inputs": [...], "outputs": [...], "status"}</c>, tensors as our format writes them. The inputs are written right
/// after the run, while their tensors still exist; the outputs after the response, before they are freed.
/// </summary>
internal sealed class CapturedPrediction
{
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly ModelRef _model;
    private readonly DateTimeOffset _time;
    private readonly ModelCaptureOptions _settings;
    private readonly byte[]? _hashKey;

    private CapturedPrediction(ModelRef model, DateTimeOffset time, ModelCaptureOptions settings, byte[]? hashKey)
    {
        _writer = new Utf8JsonWriter(_line);
        (_model, _time, _settings, _hashKey) = (model, time, settings, hashKey);
    }

    /// <summary>The record begun, inputs written, when this request is in the model's sample; null otherwise (the usual case, at the cost of one random draw).</summary>
    public static CapturedPrediction? Start(DataCapture capture, ModelRef model, string requestId, ModelInputs inputs)
    {
        if (capture.Sample(model) is not { } settings)
        {
            return null;
        }

        var record = new CapturedPrediction(model, capture.Time.GetUtcNow(), settings, capture.HashKey);
        try
        {
            record.WriteStart(requestId, inputs);
            return record;
        }
        catch (Exception exception)
        {
            // A record is a copy of what the prediction already did; making it must never fail the prediction.
            capture.RecordFailed(model, exception);
            return null;
        }
    }

    public void Complete(DataCapture capture, Prediction prediction, int status)
    {
        try
        {
            WriteEnd(prediction, status);
        }
        catch (Exception exception)
        {
            capture.RecordFailed(_model, exception);
            return;
        }

        capture.Offer(new CaptureRecord(_model, _time, _line.WrittenMemory));
    }

    private void WriteStart(string requestId, ModelInputs inputs)
    {
        _writer.WriteStartObject();
        _writer.WriteString("requestId", requestId);
        _writer.WriteString("time", _time);
        _writer.WriteString("model", _model.Id);
        _writer.WriteNumber("version", _model.Version);
        _writer.WriteStartArray("inputs");
        for (var index = 0; index < inputs.Names.Count; index++)
        {
            WriteInput(inputs.Names[index], inputs.Values[index]);
        }

        _writer.WriteEndArray();
    }

    private void WriteEnd(Prediction prediction, int status)
    {
        if (_settings.CaptureOutputs)
        {
            _writer.WriteStartArray("outputs");
            for (var index = 0; index < prediction.Outputs.Count; index++)
            {
                JsonTensorWriter.Write(_writer, prediction.OutputNames[index], prediction.Outputs[index], TensorDataType.NameOf);
            }

            _writer.WriteEndArray();
        }

        _writer.WriteNumber("status", status);
        _writer.WriteEndObject();
        _writer.Dispose();
    }

    private void WriteInput(string name, OrtValue tensor)
    {
        if (_settings.RedactInputs.Contains(name))
        {
            _writer.WriteStartObject();
            _writer.WriteString("name", name);
            _writer.WriteBoolean("redacted", true);
            _writer.WriteEndObject();
        }
        else if (_settings.HashInputs.Contains(name))
        {
            WriteHashed(name, tensor);
        }
        else
        {
            JsonTensorWriter.Write(_writer, name, tensor, TensorDataType.NameOf);
        }
    }

    /// <summary>
    /// Name, type and shape as they are; each element as the SHA-256 of a string's UTF-8 bytes or of a number's JSON
    /// text, or its HMAC-SHA256 under the capture's key. The property's name says which, so a reader never compares a
    /// keyed hash with a plain one.
    /// </summary>
    private void WriteHashed(string name, OrtValue tensor)
    {
        var plain = new ArrayBufferWriter<byte>();
        using (var scratch = new Utf8JsonWriter(plain))
        {
            JsonTensorWriter.Write(scratch, name, tensor, TensorDataType.NameOf);
        }

        using var written = JsonDocument.Parse(plain.WrittenMemory);
        var root = written.RootElement;
        _writer.WriteStartObject();
        _writer.WriteString("name", name);
        foreach (var property in (ReadOnlySpan<string>)["datatype", "shape"])
        {
            _writer.WritePropertyName(property);
            root.GetProperty(property).WriteTo(_writer);
        }

        _writer.WriteStartArray(_hashKey is null ? "sha256" : "hmacSha256");
        foreach (var element in root.GetProperty("data").EnumerateArray())
        {
            var text = Encoding.UTF8.GetBytes(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
            _writer.WriteStringValue(Convert.ToHexStringLower(_hashKey is null ? SHA256.HashData(text) : HMACSHA256.HashData(_hashKey, text)));
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
    }
}
