using System.Net;
using System.Net.Sockets;

namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>
/// A loopback port that is bound but never listens, so every connection to it is refused for as
/// long as this lives. Closing a server and reusing its port is not enough: the OS (or another
/// test process on the machine) may hand that port to a new listener in between.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}/");

    public void Dispose() => _socket.Dispose();
}
