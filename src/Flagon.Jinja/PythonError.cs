namespace Flagon.Jinja;

/// <summary>
/// An error Jinja2 lets through from Python itself (<c>TypeError</c>, <c>ValueError</c>,
/// <c>ZeroDivisionError</c>, <c>KeyError</c>, <c>IndexError</c>, <c>AttributeError</c>,
/// <c>OverflowError</c>): the same failure, under the same name.
/// </summary>
public class PythonError : TemplateError
{
    /// <summary>Creates an error of a Python kind, for example <c>new PythonError("TypeError", "...")</c>.</summary>
    public PythonError(string kind, string message) : base(message) => PythonKind = kind;

    /// <summary>The Python exception class name.</summary>
    public string PythonKind { get; }

    /// <inheritdoc />
    public override string Kind => PythonKind;

    /// <summary>A Python <c>TypeError</c>.</summary>
    public static PythonError TypeError(string message) => new("TypeError", message);

    /// <summary>A Python <c>ValueError</c>.</summary>
    public static PythonError ValueError(string message) => new("ValueError", message);

    /// <summary>A Python <c>ZeroDivisionError</c>.</summary>
    public static PythonError ZeroDivision(string message) => new("ZeroDivisionError", message);

    /// <summary>A Python <c>KeyError</c>.</summary>
    public static PythonError KeyError(string message) => new("KeyError", message);

    /// <summary>A Python <c>IndexError</c>.</summary>
    public static PythonError IndexError(string message) => new("IndexError", message);

    /// <summary>A Python <c>AttributeError</c>.</summary>
    public static PythonError AttributeError(string message) => new("AttributeError", message);

    /// <summary>A Python <c>OverflowError</c>.</summary>
    public static PythonError Overflow(string message) => new("OverflowError", message);
}
