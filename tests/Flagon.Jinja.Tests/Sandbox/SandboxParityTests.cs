using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Tests.Sandbox;

/// <summary>
/// Templates that only read data render (or fail) exactly alike with and without the sandbox. (One
/// documented difference is Jinja2's own: a missing attribute in a format field, <c>'{0.nope}'.format(x)</c>,
/// is an AttributeError outside the sandbox and an undefined inside it; see the sandbox fixtures.)
/// </summary>
public class SandboxParityTests
{
    public static TheoryData<string> ReadOnlyTemplates => new()
    {
        "{{ probe.name }} {{ probe.count + 1 }} {{ probe.tags|join(',') }}",
        "{{ probe['name'] }} {{ probe.child.name }} {{ probe.child.child is none }}",
        "{{ probe|attr('name') }} {{ [probe, probe.child]|map(attribute='name')|join('/') }}",
        "{{ [probe.child, probe]|sort(attribute='count')|map(attribute='name')|list }}",
        "{{ [probe]|selectattr('count', 'gt', 1)|list|length }} {{ [probe]|sum(attribute='count') }}",
        "{% for t in probe.tags %}{{ loop.index }}{{ t|upper }}{% endfor %}",
        "{{ '{0.name}-{0.count:03d}'.format(probe) }} {{ '{p.tags[1]}'.format(p=probe) }}",
        "{{ '{x[label]}'.format_map({'x': labels}) }} {{ '%s=%d' % (probe.name, probe.count) }}",
        "{{ 'ab' * 3 }} {{ [1, 2] * 2 }} {{ 2 ** 16 }} {{ -probe.count }} {{ 10 ** 20 * 3 }}",
        "{{ range(3)|list }} {{ range(10, 0, -3)|list }}",
        "{{ labels.label }} {{ labels['label'] }} {{ labels._hidden }} {{ labels.items()|list }}",
        "{{ helper('x') }} {{ namespace(a=1).a }} {{ cycler(1, 2).next() }}",
        "{% set l = [3, 1] %}{{ l.append(2) }}{{ l|sort }}",
        "{{ probe.missing }}|{{ probe.missing is defined }}|{{ probe.missing|default('d') }}",
        "{{ probe.missing.deeper }}",
        "{{ probe.tags[5] }}|{{ probe.name.nope() }}",
        "{{ 1 / 0 }}",
        "{{ probe.name + 1 }}",
        "{{ range(10 ** 9)|length }}",
        "{% macro m(x) %}[{{ x }}]{% endmacro %}{{ m(probe.name) }} {{ caller is defined }}",
    };

    [Theory]
    [MemberData(nameof(ReadOnlyTemplates))]
    public void RendersAlike(string template)
    {
        var plain = Outcome(new JinjaEnvironment(), template);
        var sandboxed = Outcome(new SandboxedEnvironment(), template);
        var immutable = Outcome(new ImmutableSandboxedEnvironment(), template);
        if (template.Contains("range(10 ** 9)", StringComparison.Ordinal))
        {
            // Both refuse; only the limit in the message differs (MAX_RANGE in the sandbox).
            Assert.StartsWith("OverflowError: Range too big.", plain);
            Assert.Equal("OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).", sandboxed);
            return;
        }
        Assert.Equal(plain, sandboxed);
        if (!template.Contains("append", StringComparison.Ordinal))
        {
            Assert.Equal(plain, immutable);
        }
    }

    private static string Outcome(JinjaEnvironment env, string template)
    {
        env.Globals["helper"] = (Func<string, string>)(s => "<" + s + ">");
        var probe = new Probe { Child = new Probe() };
        var ctx = new Dictionary<string, object?>
        {
            ["probe"] = probe,
            ["labels"] = new Dictionary<string, object?> { ["label"] = "ok", ["_hidden"] = "h" },
        };
        try
        {
            return env.FromString(template).Render(ctx);
        }
        catch (TemplateError e)
        {
            return $"{e.Kind}: {e.BareMessage}";
        }
        finally
        {
            Assert.False(probe.Fired);
        }
    }
}
