namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// A prediction refused for what its request says of itself before anything is read (its Content-Type, its declared
/// length): the status and title it gets, and a message saying what was expected.
/// </summary>
public sealed class PredictionRejectedException(int statusCode, string title, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}
