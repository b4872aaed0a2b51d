namespace Flagon.Signals;

/// <summary>The arguments of <c>request_tearing_down</c> and <c>appcontext_tearing_down</c>: the unhandled exception, or null.</summary>
/// <param name="Exception">The exception that ended the request or context, or null.</param>
public readonly record struct TeardownArgs(Exception? Exception);
