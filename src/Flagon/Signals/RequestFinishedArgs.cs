namespace Flagon.Signals;

/// <summary>The arguments of <c>request_finished</c>: the response after the after-request hooks and the session save.</summary>
/// <param name="Response">The response about to be sent.</param>
public readonly record struct RequestFinishedArgs(Response Response);
