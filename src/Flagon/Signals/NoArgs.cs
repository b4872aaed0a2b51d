namespace Flagon.Signals;

/// <summary>The arguments of signals that carry nothing but their sender (<c>request_started</c>, <c>appcontext_pushed</c>, <c>appcontext_popped</c>).</summary>
public readonly record struct NoArgs;
