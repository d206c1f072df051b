namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// A ModelHost's memory as a percentage of its function's size, computed by CloudWatch: <c>100 * bytes / (1048576 *
/// size)</c>. The size may be the ModelHostMemoryMb parameter, known only at deploy time, so it is written into the
/// expression's text and CloudFormation puts the number there (a Fn::Join), which CloudWatch reads as a constant.
/// CDK's <c>MathExpression</c> cannot carry that text: at synth it reads every lower-case word of an expression as a
/// metric id, and the parameter's placeholder (<c>${Token[...]}</c>) has one ("oken"), so every use left an
/// UnknownIdentifier warning (issue 21). The alarm and the dashboard graph that need it are therefore written one
/// level down (<see cref="ModelHostAlarms"/>, <see cref="MemoryGraph"/>), where CDK passes the text through.
/// </summary>
internal static class FunctionMemoryPercent
{
    public static string Expression(string metricId, string memoryMb) => $"100 * {metricId} / (1048576 * {memoryMb})";
}
