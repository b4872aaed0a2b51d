namespace Flagon.Jinja.Runtime;

/// <summary>
/// Shared boxes for the values a render produces most (booleans, small integers such as loop
/// indexes), so that handing them around as <c>object?</c> allocates nothing.
/// </summary>
internal static class Boxes
{
    // CPython's small-int cache: only these ints are shared there too, so `sameas` cannot tell.
    private const int Min = -5;
    private const int Max = 256;

    /// <summary>The boxed <c>true</c>.</summary>
    public static readonly object True = true;

    /// <summary>The boxed <c>false</c>.</summary>
    public static readonly object False = false;

    private static readonly object[] Longs = CreateLongs();

    private static object[] CreateLongs()
    {
        var longs = new object[Max - Min + 1];
        for (int i = 0; i < longs.Length; i++)
        {
            longs[i] = (long)(i + Min);
        }
        return longs;
    }

    /// <summary>A boxed bool without allocating.</summary>
    public static object Bool(bool value) => value ? True : False;

    /// <summary>A boxed long; shared for small values.</summary>
    public static object Long(long value) => value is >= Min and <= Max ? Longs[value - Min] : value;
}
