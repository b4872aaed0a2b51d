using System.Net;
using System.Net.Sockets;
using Flagon;
using Microsoft.Extensions.Logging;

namespace Flaskr.Tests.Browser;

/// <summary>Serves a Flagon app with Kestrel on a free loopback port on a background thread, until disposed.</summary>
internal sealed class LiveServer : IDisposable
{
    private readonly FlagonApp _app;
    private readonly Thread _thread;
    private Exception? _failure;

    public LiveServer(FlagonApp app)
    {
        _app = app;
        // keep the test output readable: Kestrel's per-request logs only at Warning and above
        app.Builder.Logging.SetMinimumLevel(LogLevel.Warning);
        Port = FreePort();
        _thread = new Thread(() =>
        {
            try
            {
                _app.Serve("127.0.0.1", Port);
            }
            catch (Exception e)
            {
                _failure = e;
            }
        })
        { IsBackground = true, Name = "flaskr-live-server" };
        _thread.Start();
        WaitUntilListening();
    }

    public int Port { get; }

    public string Url(string path = "/") => $"http://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        _app.Web.Lifetime.StopApplication();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("The app failed to start.", _failure);
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"The app did not listen on port {Port} within 60 seconds.");
    }
}
