using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Compiling;

/// <summary>
/// A compiled <c>obj.name</c>: the site's getter cache and the target expression in one object, whose
/// <see cref="Eval"/> is the expression's delegate (no separate closure per attribute lookup).
/// </summary>
internal sealed class AttrLoad(string name, ExprFn target, bool autoescape) : AttrSite(name)
{
    public object? Eval(RenderContext rc, Frame f) => Ops.GetAttr(rc.Eval(autoescape), target(rc, f), this);
}
