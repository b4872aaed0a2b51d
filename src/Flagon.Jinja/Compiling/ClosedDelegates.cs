using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// Delegate bodies whose only state is one object: made as delegates closed over that object
/// (<c>value.LoadConstant</c>), one allocation instead of a closure object plus its delegate.
/// </summary>
internal static class ClosedDelegates
{
    /// <summary>A constant load: returns the object the delegate is closed over.</summary>
    public static object? LoadConstant(this object value, RenderContext rc, Frame f) => value;

    /// <summary>An output statement of constant text only: writes the string the delegate is closed over.</summary>
    public static Flow WriteText(this string text, RenderContext rc, Frame f)
    {
        rc.Writer.Write(text);
        return Flow.Normal;
    }
}
