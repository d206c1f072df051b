using System.Globalization;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Capture;

/// <summary>
/// <c>{prefix}/{modelId}/{version}/{yyyy}/{MM}/{dd}/{HH}/{yyyyMMddTHHmmssfffZ}-{unique}.jsonl</c>: one folder per model,
/// version and UTC hour of the records, so that Athena (partition projection) or a notebook reads only the hours asked.
/// </summary>
public static class CaptureKeys
{
    public static string For(string prefix, ModelRef model, DateTimeOffset hour, DateTimeOffset written)
    {
        var folder = prefix.Trim('/');
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{model.Id}/{model.Version}/{hour.UtcDateTime:yyyy/MM/dd/HH}/{written.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid():N}.jsonl");
        return folder.Length == 0 ? key : $"{folder}/{key}";
    }
}
