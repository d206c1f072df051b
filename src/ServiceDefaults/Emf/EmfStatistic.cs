namespace MultiModel.ServiceDefaults.Emf;

/// <summary>How an invocation's measurements of an instrument become one EMF metric value.</summary>
public enum EmfStatistic
{
    /// <summary>The measurements added up (a counter's increments).</summary>
    Sum,

    /// <summary>How many measurements there were (a duration histogram's count is the number of requests).</summary>
    Occurrences,

    /// <summary>Every measurement, as EMF's <c>Values</c> and <c>Counts</c> arrays, so CloudWatch keeps percentiles.</summary>
    Distribution,

    /// <summary>The last value observed (a gauge, read when the documents are written).</summary>
    Last,
}
