using System.Text.Json;

namespace MultiModel.ModelHost.Tests.Support.Clients;

/// <summary>
/// Infer requests byte for byte as the Python clients send them. tritonclient.http (<c>_get_inference_request</c>):
/// compact JSON {"id"?, "inputs", "outputs"?, "parameters"?}, binary inputs' bytes after it in input order, the header
/// <c>Inference-Header-Content-Length</c> only when bytes follow, and no Content-Type at all; with no outputs named it
/// asks for every output as binary (<c>binary_data_output</c>). KServe's httpx client sends the JSON form, also without
/// a Content-Type.
/// </summary>
public static class ClientRequest
{
    public const string HeaderLength = "Inference-Header-Content-Length";

    /// <param name="outputs">Outputs named with their binary_data flag; null names none (tritonclient then sets binary_data_output).</param>
    public static HttpRequestMessage Triton(string path, IReadOnlyList<ClientInput> inputs, IReadOnlyList<(string Name, bool Binary)>? outputs, string? id = null)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            WriteInputs(writer, inputs);
            if (outputs is not null)
            {
                writer.WriteStartArray("outputs");
                foreach (var (name, binary) in outputs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", name);
                    writer.WriteStartObject("parameters");
                    writer.WriteBoolean("binary_data", binary);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteStartObject("parameters");
                writer.WriteBoolean("binary_data_output", true);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var header = json.ToArray();
        var binaryData = inputs.Where(input => input.Binary).SelectMany(input => TensorBytes.Of(input.Data)).ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([.. header, .. binaryData]) };
        if (inputs.Any(input => input.Binary))
        {
            request.Headers.Add(HeaderLength, header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }

    /// <summary>KServe's <c>InferRequest.to_rest()</c> posted by httpx: JSON data, no Content-Type.</summary>
    public static HttpRequestMessage KServe(string path, IReadOnlyList<ClientInput> inputs, string id)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            WriteInputs(writer, inputs.Select(input => input with { Binary = false }).ToArray());
            writer.WriteEndObject();
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(json.ToArray()) };
    }

    private static void WriteElement(Utf8JsonWriter writer, object element)
    {
        switch (element)
        {
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case float single: writer.WriteNumberValue(single); break;
            case double wide: writer.WriteNumberValue(wide); break;
            default: writer.WriteNumberValue(Convert.ToInt64(element, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteInputs(Utf8JsonWriter writer, IReadOnlyList<ClientInput> inputs)
    {
        writer.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", input.Name);
            writer.WriteStartArray("shape");
            foreach (var dimension in input.Shape)
            {
                writer.WriteNumberValue(dimension);
            }

            writer.WriteEndArray();
            writer.WriteString("datatype", input.Datatype);
            if (input.Binary)
            {
                writer.WriteStartObject("parameters");
                writer.WriteNumber("binary_data_size", TensorBytes.Of(input.Data).Length);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartArray("data"); // flat, as the clients flatten numpy arrays
                foreach (var element in input.Data)
                {
                    WriteElement(writer, element);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
