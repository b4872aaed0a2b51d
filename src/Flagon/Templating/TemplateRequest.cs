using System.Collections.Concurrent;
using System.Reflection;
using Flagon.Jinja.Runtime;

namespace Flagon.Templating;

/// <summary>
/// Flask's <c>request</c> as templates see it, resolved from the current context on every lookup: snake_case
/// attributes map to <see cref="FlagonRequest"/>'s properties (<c>request.path</c>, <c>request.full_path</c>,
/// <c>request.url_rule</c>), and the multi-dicts (<c>args</c>, <c>form</c>, <c>values</c>, <c>cookies</c>,
/// <c>files</c>) and <c>headers</c> are <see cref="TemplateMapping"/> views, so <c>request.args.get('q')</c> works.
/// </summary>
public sealed class TemplateRequest : IJinjaAttributes
{
    private static readonly ConcurrentDictionary<string, PropertyInfo?> _properties = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        var request = Globals.Request;
        switch (name)
        {
            case "args":
                value = TemplateMapping.Of("args", request.Args);
                return true;
            case "form":
                value = TemplateMapping.Of("form", request.Form);
                return true;
            case "values":
                value = TemplateMapping.Of("values", request.Values);
                return true;
            case "cookies":
                value = TemplateMapping.Of("cookies", request.Cookies);
                return true;
            case "files":
                value = TemplateMapping.Of("files", request.Files);
                return true;
            case "headers":
                value = TemplateMapping.Of(request.Headers);
                return true;
            case "blueprint" or "blueprints":
                // Blueprints do not exist yet: Flask reports None / [] for an app-level endpoint.
                value = name == "blueprint" ? null : new List<object?>();
                return true;
        }

        var property = _properties.GetOrAdd(name, static n => typeof(FlagonRequest).GetProperty(PascalCase(n), BindingFlags.Public | BindingFlags.Instance));
        if (property is null || property.GetIndexParameters().Length > 0)
        {
            value = null;
            return false;
        }

        value = TemplateValues.Normalize(property.GetValue(request));
        return true;
    }

    /// <summary>Flask's repr of a request: <c>&lt;Request 'url' [METHOD]&gt;</c>.</summary>
    public override string ToString() => Globals.HasRequestContext ? $"<Request '{Globals.Request.Url}' [{Globals.Request.Method}]>" : "<LocalProxy unbound>";

    private static string PascalCase(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            chars.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return chars.ToString();
    }
}
