using System.Diagnostics;
using System.Reflection;

namespace Flagon.Jinja.Tests.Sandbox;

/// <summary>
/// Data handed to sandboxed templates: harmless values next to the .NET members an injection reaches
/// for. Every member that could run code sets <see cref="Fired"/>, so a test proves nothing ran.
/// </summary>
public sealed class Probe
{
#pragma warning disable CS0414 // read through reflection by the sandbox's member check only
    private string _secret = "hidden";
#pragma warning restore CS0414

    public static string StaticValue = "static";

    public string _Underscored = "underscored";

    public bool Fired { get; private set; }

    public string Name => "probe";

    public int Count = 3;

    public List<string> Tags { get; } = ["a", "b"];

    public Probe? Child { get; init; }

    public static string StaticProperty => "static";

    public Type Kind => typeof(Probe);

    public Assembly Library => typeof(JinjaEnvironment).Assembly;

    public MethodInfo Method => typeof(Probe).GetMethod(nameof(Fire))!;

    public Func<string> Action => () => { Fired = true; return "fired"; };

    public Action Boom => () => Fired = true;

    public FileInfo File => new(Path.Combine(Path.GetTempPath(), "flagon-sandbox-probe.txt"));

    public Stream Stream => new MemoryStream();

    public ProcessStartInfo StartInfo => new("/bin/sh", "-c true");

    public Task<string> Pending => Task.FromResult("done");

    public IServiceProvider Services => new ProbeServices(this);

    public JinjaEnvironment Engine => new();

    public Dictionary<string, object?> Handlers => new() { ["fire"] = (Func<string>)Fire, ["label"] = "ok" };

    public string Fire()
    {
        Fired = true;
        return "fired";
    }

    public override string ToString() => "probe";

    private sealed class ProbeServices(Probe owner) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            owner.Fired = true;
            return null;
        }
    }
}
