namespace MultiModel.Cli.Tuning;

/// <summary>
/// What one size did with the workload. <see cref="DurationsMs"/> holds every request's duration, answered or not,
/// since Lambda bills them all (<see cref="DurationsFromHost"/> of them as the host measured them, the rest as the client
/// saw them); <see cref="Failure"/> says why the host did not start or did not last, when it did not.
/// </summary>
internal sealed record SizeMeasurement(
    FunctionSize Size,
    double? InitMs,
    IReadOnlyDictionary<string, ModelTimings> Models,
    IReadOnlyList<double> DurationsMs,
    int Requests,
    IReadOnlyDictionary<int, int> ErrorStatuses,
    int Errors,
    bool OomKilled,
    string? Failure,
    CacheFigures? Cache,
    long? PeakResidentBytes,
    long? CgroupPeakBytes,
    long ThrottledPeriods,
    int DurationsFromHost)
{
    /// <summary>A size that served the whole workload: no kill, no error, host up to the end.</summary>
    public bool Viable => Failure is null && !OomKilled && Errors == 0;
}
