namespace Flagon.Jinja;

/// <summary>Which undefined type a template environment produces (Jinja2's <c>undefined=</c> option).</summary>
public enum UndefinedKind
{
    /// <summary><c>Undefined</c>: prints as empty, iterates as empty, raises on attribute access and arithmetic.</summary>
    Default,

    /// <summary><c>StrictUndefined</c>: raises on nearly every use except <c>is defined</c> and <c>default</c>.</summary>
    Strict,

    /// <summary><c>ChainableUndefined</c>: attribute and item access return the undefined itself.</summary>
    Chainable,

    /// <summary><c>DebugUndefined</c>: prints a <c>{{ name }}</c> marker.</summary>
    Debug,
}
