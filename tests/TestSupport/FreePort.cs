using System.Net;
using System.Net.Sockets;

namespace MultiModel.TestSupport;

/// <summary>Loopback ports nothing listens on: the system picks one for a listener that is closed at once.</summary>
public static class FreePort
{
    /// <summary>A port for a server a test is about to start: free a moment ago, so the server gets it unless something took it since.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A loopback URL nothing listens on: connecting to it is refused at once.</summary>
    public static string DeadUrl() => $"http://127.0.0.1:{Next()}";
}
