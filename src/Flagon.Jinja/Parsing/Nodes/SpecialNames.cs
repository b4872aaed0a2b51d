namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>The special names a loop or function body reads (any <see cref="NameExpr"/> of that name,
/// not looking into nested blocks): they decide whether the compiler gives it a slot for them.</summary>
[Flags]
internal enum SpecialNames
{
    None = 0,
    Loop = 1,
    Caller = 2,
    Kwargs = 4,
    Varargs = 8,
}
