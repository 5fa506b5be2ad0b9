using System.Net;
using System.Net.Sockets;

namespace CustomerApi.Tests.Infrastructure;

public static class LoopbackPort
{
    /// <summary>A loopback port free at this moment (another process may still take it before it is used).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
