namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// The number of rows (the batch size) a request carried, set by an endpoint that knows it, so that a response too
/// large for Lambda can be answered with how many rows fit (<see cref="LambdaResponseLimitMiddleware"/>).
/// </summary>
public sealed record BatchRowsFeature(int Rows);
