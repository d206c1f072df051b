using System.Buffers.Binary;
using System.IO.Compression;

namespace MultiModel.Cli.Tests.Support;

/// <summary>
/// The pixels of a PNG as a browser writes a screenshot (8-bit RGB or RGBA, not interlaced), decoded here so a test
/// can see what was drawn without an imaging library: the IHDR size, the IDAT stream inflated, each row unfiltered.
/// </summary>
public sealed class PngPixels
{
    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngPixels(int width, int height, int channels, byte[] pixels) => (Width, Height, _channels, _pixels) = (width, height, channels, pixels);

    public int Width { get; }
    public int Height { get; }

    public static PngPixels Read(string path)
    {
        var file = File.ReadAllBytes(path);
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
                if (data[8] != 8 || data[12] != 0)
                {
                    throw new NotSupportedException("only 8-bit, non-interlaced PNGs");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngPixels(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>Pixels whose colour is within <paramref name="tolerance"/> of <paramref name="rgb"/> on each channel.</summary>
    public int Count(int rgb, int tolerance = 8)
    {
        var (r, g, b) = ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        var count = 0;
        for (var index = 0; index < _pixels.Length; index += _channels)
        {
            if (Math.Abs(_pixels[index] - r) <= tolerance && Math.Abs(_pixels[index + 1] - g) <= tolerance && Math.Abs(_pixels[index + 2] - b) <= tolerance)
            {
                count++;
            }
        }

        return count;
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var row = 0; row < height; row++)
        {
            var filter = data[row * (stride + 1)];
            var source = row * (stride + 1) + 1;
            var target = row * stride;
            for (var column = 0; column < stride; column++)
            {
                int left = column >= channels ? pixels[target + column - channels] : 0;
                int up = row > 0 ? pixels[target - stride + column] : 0;
                int upLeft = row > 0 && column >= channels ? pixels[target - stride + column - channels] : 0;
                pixels[target + column] = (byte)(data[source + column] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
