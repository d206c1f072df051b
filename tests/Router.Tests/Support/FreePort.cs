using System.Net;
using System.Net.Sockets;

namespace MultiModel.Router.Tests.Support;

/// <summary>A loopback URL nothing listens on: connecting to it is refused at once.</summary>
public static class FreePort
{
    public static string DeadUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
