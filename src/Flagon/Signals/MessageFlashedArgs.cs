namespace Flagon.Signals;

/// <summary>The arguments of <c>message_flashed</c>: the flashed message and its category.</summary>
/// <param name="Message">The message (a string or <c>Markup</c>).</param>
/// <param name="Category">The category ("message" by default).</param>
public readonly record struct MessageFlashedArgs(object Message, string Category);
