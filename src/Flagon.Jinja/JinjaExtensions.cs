namespace Flagon.Jinja;

/// <summary>Optional language extensions; all are off by default as in Jinja2.</summary>
[Flags]
public enum JinjaExtensions
{
    /// <summary>No extensions.</summary>
    None = 0,

    /// <summary><c>jinja2.ext.do</c>: the <c>{% do expr %}</c> statement.</summary>
    Do = 1,

    /// <summary><c>jinja2.ext.loopcontrols</c>: <c>{% break %}</c> and <c>{% continue %}</c>.</summary>
    LoopControls = 2,

    /// <summary>
    /// Hugging Face transformers' <c>AssistantTracker</c>: <c>{% generation %}…{% endgeneration %}</c>
    /// renders its body, called as a call block's <c>caller()</c> (so its assignments stay inside).
    /// </summary>
    Generation = 4,
}
