namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>What the response cache did for a prediction, as its log line says it.</summary>
internal enum ResponseCacheResult
{
    /// <summary>Not enabled for the model, or the request did not get that far.</summary>
    Off,

    /// <summary>Answered from the cache; the model was not run.</summary>
    Hit,

    /// <summary>No stored answer: the model ran, and a 200 is stored.</summary>
    Miss,

    /// <summary>In a shadow's or its model's capture sample: the model ran (those need its outputs), and a 200 is stored.</summary>
    Bypass,
}
