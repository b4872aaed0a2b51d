namespace Flagon.Security;

/// <summary>Python's <c>repr(float)</c> as <c>json.dumps</c> writes it (shortest round-trip digits, Python's layout).</summary>
internal static class PyFloat
{
    /// <summary>Formats <paramref name="value"/> exactly as Python's <c>json.dumps</c> does (NaN and infinities included).</summary>
    public static string Repr(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : Flagon.Jinja.Python.PyFloat.Repr(value);
}
