namespace Flagon;

/// <summary>The session interface used until one is configured: every request gets a <see cref="NullSession"/>.</summary>
public sealed class NullSessionInterface : ISessionInterface
{
    /// <inheritdoc />
    public IFlagonSession? OpenSession(FlagonApp app, FlagonRequest request) => null;

    /// <inheritdoc />
    public void SaveSession(FlagonApp app, IFlagonSession session, Response response)
    {
    }
}
