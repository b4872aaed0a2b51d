namespace Flagon.Jinja.Runtime;

/// <summary>
/// Jinja2's default <c>Undefined</c>: what a missing variable, attribute or item evaluates to.
/// Prints as empty, is falsy, iterates as empty; attribute access, calls and arithmetic raise
/// <see cref="UndefinedError"/>. Subclasses change that behaviour per <see cref="UndefinedKind"/>.
/// </summary>
public class Undefined
{
    /// <summary>Marks "no object" (an undefined name rather than a missing attribute).</summary>
    internal static readonly object NoObject = new();

    /// <summary>Creates an undefined value; <paramref name="obj"/> is the object a lookup failed on.</summary>
    public Undefined(string? hint = null, object? obj = null, object? name = null, bool hasObject = false)
    {
        Hint = hint;
        Object = obj;
        Name = name;
        HasObject = hasObject;
    }

    /// <summary>A custom explanation used instead of the generated message.</summary>
    public string? Hint { get; }

    /// <summary>The object the failed lookup was made on (when <see cref="HasObject"/>).</summary>
    public object? Object { get; }

    /// <summary>The name or key that was looked up.</summary>
    public object? Name { get; }

    /// <summary>Whether <see cref="Object"/> is meaningful (the lookup was an attribute or item of it).</summary>
    public bool HasObject { get; }

    /// <summary>The kind of this undefined.</summary>
    public virtual UndefinedKind Kind => UndefinedKind.Default;

    /// <summary>Jinja2's message for an error raised by this value.</summary>
    public string Message
    {
        get
        {
            if (Hint is not null)
            {
                return Hint;
            }
            if (!HasObject)
            {
                return $"{Ops.Repr(Name)} is undefined";
            }
            if (Name is not string)
            {
                return $"{Ops.ObjectTypeRepr(Object)} has no element {Ops.Repr(Name)}";
            }
            return $"{Ops.Repr(Ops.ObjectTypeRepr(Object))} has no attribute {Ops.Repr(Name)}";
        }
    }

    /// <summary>
    /// Raises the error this value stands for: <see cref="UndefinedError"/>, or <see cref="SecurityError"/>
    /// for the undefined a sandbox returns in place of an unsafe attribute.
    /// </summary>
    public TemplateRuntimeError Fail() => RaisesSecurityError ? new SecurityError(Message) : new UndefinedError(Message);

    /// <summary>Set by the sandbox: using this value raises <see cref="SecurityError"/> (Jinja2's <c>exc=SecurityError</c>).</summary>
    internal bool RaisesSecurityError { get; set; }

    /// <summary>The text printed for this value (empty, or an error for strict).</summary>
    public virtual string Render() => "";

    /// <summary>Truthiness (False; strict raises).</summary>
    public virtual bool IsTrue() => false;

    /// <summary>Iteration (empty; strict raises).</summary>
    public virtual void CheckIterable() { }

    /// <summary>Attribute or item access on the undefined value.</summary>
    public virtual object? Lookup(object? name) => throw Fail();

    /// <summary>Equality with another value (same type only; strict raises).</summary>
    public virtual bool EqualsValue(object? other) => other is Undefined u && u.GetType() == GetType();

    /// <summary>Prints <see cref="Render"/>.</summary>
    public override string ToString() => Render();

    /// <summary>Creates an undefined value of a kind.</summary>
    public static Undefined Create(UndefinedKind kind, string? hint = null, object? obj = null, object? name = null, bool hasObject = false) => kind switch
    {
        UndefinedKind.Strict => new StrictUndefined(hint, obj, name, hasObject),
        UndefinedKind.Chainable => new ChainableUndefined(hint, obj, name, hasObject),
        UndefinedKind.Debug => new DebugUndefined(hint, obj, name, hasObject),
        _ => new Undefined(hint, obj, name, hasObject),
    };
}
