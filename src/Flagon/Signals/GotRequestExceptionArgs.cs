namespace Flagon.Signals;

/// <summary>The arguments of <c>got_request_exception</c>: the exception no handler dealt with.</summary>
/// <param name="Exception">The unhandled exception.</param>
public readonly record struct GotRequestExceptionArgs(Exception Exception);
