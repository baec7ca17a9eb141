using System.Net;
using System.Net.Sockets;

namespace PqlGrains.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for servers a test starts.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the OS picks it; a race with other processes is possible but rare).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
