using System.Globalization;

namespace MultiModel.Cli.Commands;

/// <summary>
/// Bytes sent so far as a bar redrawn in place on a terminal (a carriage return, no escape codes), at most every
/// 100 ms and at the end. Only made when stdout is a terminal, so redirected output carries no bar.
/// </summary>
internal sealed class ProgressBar(TextWriter output, string label, long totalBytes) : IProgress<long>, IDisposable
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private long _done;
    private long _drawnAt = long.MinValue;

    public void Report(long value)
    {
        lock (_gate)
        {
            _done += value;
            var now = Environment.TickCount64;
            if (now - _drawnAt >= 100 || _done >= totalBytes)
            {
                _drawnAt = now;
                Draw();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Draw();
            output.WriteLine();
        }
    }

    private void Draw()
    {
        var share = totalBytes == 0 ? 1 : Math.Clamp((double)_done / totalBytes, 0, 1);
        var filled = (int)(share * Width);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {(int)(share * 100),3}% {_done / 1048576.0,8:0.0} of {totalBytes / 1048576.0:0.0} MB"));
    }
}
