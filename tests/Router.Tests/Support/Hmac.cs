using System.Security.Cryptography;

namespace MultiModel.Router.Tests.Support;

/// <summary>
/// HMAC-SHA256 written out from RFC 2104 on top of a bare SHA-256, so the SigV4 check shares no signing code with
/// the SDK (nor with System.Security.Cryptography.HMACSHA256).
/// </summary>
public static class Hmac
{
    private const int BlockSize = 64;

    public static byte[] Sha256(byte[] key, byte[] message)
    {
        if (key.Length > BlockSize)
        {
            key = SHA256.HashData(key);
        }

        var padded = new byte[BlockSize];
        key.CopyTo(padded, 0);
        var inner = new byte[BlockSize + message.Length];
        var outer = new byte[BlockSize + 32];
        for (var i = 0; i < BlockSize; i++)
        {
            inner[i] = (byte)(padded[i] ^ 0x36);
            outer[i] = (byte)(padded[i] ^ 0x5c);
        }

        message.CopyTo(inner, BlockSize);
        SHA256.HashData(inner).CopyTo(outer, BlockSize);
        return SHA256.HashData(outer);
    }
}
