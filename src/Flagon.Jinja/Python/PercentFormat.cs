using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's printf-style <c>format % args</c>: conversions <c>s r a d i u f F e E g G x X o c %</c>,
/// flags <c>-+ #0</c>, width and precision (also <c>*</c>), <c>%(name)s</c> keys, Python's tuple versus
/// single-argument rules and error messages; a <see cref="Markup"/> format escapes its arguments
/// as MarkupSafe does.
/// </summary>
public static class PercentFormat
{
    /// <summary><c>format % args</c> for a plain string.</summary>
    public static string Format(string format, object? args) => FormatCore(format, args, escape: false);

    /// <summary><c>Markup % args</c>: arguments are escaped (Markup arguments are kept), the result is Markup.</summary>
    public static Markup Format(Markup format, object? args) => new(FormatCore(format.Value, args, escape: true));

    /// <summary>Dispatches <c>a % b</c> where <paramref name="format"/> is a string or Markup.</summary>
    public static object Apply(object format, object? args) => format switch
    {
        Markup m => Format(m, args),
        string s => Format(s, args),
        _ => throw new ArgumentException("format must be str or Markup", nameof(format)),
    };

    private static string FormatCore(string fmt, object? args, bool escape) => PercentFormatter.For(fmt).Format(args, escape);
}
