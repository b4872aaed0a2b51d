using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Tests.Sandbox;

/// <summary>
/// Server-side template injection attempts adapted to .NET: each is refused with
/// <see cref="SecurityError"/> and runs nothing (the probe's side-effect flag stays unset).
/// </summary>
public class SandboxInjectionTests
{
    public static TheoryData<string, string> Attempts => new()
    {
        // Reflection through GetType and the type's members.
        { "get-type", "{{ probe.GetType() }}" },
        { "get-type-snake", "{{ probe.get_type() }}" },
        { "get-type-on-str", "{{ ''.GetType().Assembly }}" },
        { "get-type-on-int", "{{ (1).GetType().GetMethods() }}" },
        { "get-type-on-list", "{{ [].GetType().Assembly.GetTypes() }}" },
        { "type-property", "{{ probe.kind.assembly }}" },
        { "type-methods", "{{ probe.kind.get_methods() }}" },
        { "type-via-item", "{{ probe['Kind'].Assembly }}" },
        { "type-via-attr-filter", "{{ probe|attr('kind')|attr('assembly') }}" },
        { "type-via-map", "{{ [probe]|map(attribute='kind.assembly')|list }}" },
        { "type-via-selectattr", "{{ [probe]|selectattr('kind.base_type')|list }}" },
        { "type-via-sort", "{{ [probe, probe]|sort(attribute='kind.full_name')|list }}" },
        { "assembly-property", "{{ probe.library.location }}" },
        { "assembly-get-types", "{{ probe.library.get_types() }}" },
        { "activator", "{{ probe.library.create_instance('Flagon.Jinja.JinjaEnvironment') }}" },
        { "method-info-invoke", "{{ probe.method.invoke(probe, none) }}" },
        // Delegates reached through data.
        { "delegate-property", "{{ probe.action() }}" },
        { "delegate-action", "{{ probe.boom() }}" },
        { "delegate-set-then-call", "{% set f = probe.action %}{{ f() }}" },
        { "delegate-in-dict-item", "{{ probe.handlers['fire']() }}" },
        { "delegate-in-dict-attr", "{{ probe.handlers.fire() }}" },
        { "delegate-from-iteration", "{% for f in delegates %}{{ f() }}{% endfor %}" },
        { "delegate-method-property", "{% for f in delegates %}{{ f.method.name }}{% endfor %}" },
        { "delegate-target", "{% for f in delegates %}{{ f.target.fire() }}{% endfor %}" },
        // Methods and static or non-public members of .NET objects.
        { "public-method", "{{ probe.fire() }}" },
        { "public-method-pascal", "{{ probe.Fire() }}" },
        { "to-string", "{{ probe.ToString() }}" },
        { "static-field", "{{ probe.static_value.upper() }}" },
        { "static-property", "{{ probe.StaticProperty.upper() }}" },
        { "private-field", "{{ probe._secret.upper() }}" },
        { "private-field-folded", "{{ probe.secret.upper() }}" },
        { "public-underscore-field", "{{ probe._Underscored.upper() }}" },
        // Files, processes, tasks, services and the engine itself.
        { "file-info", "{{ probe.file.directory.full_name }}" },
        { "file-delete", "{{ probe.file.delete() }}" },
        { "stream", "{{ probe.stream.length }}" },
        { "process-start-info", "{{ probe.start_info.file_name }}" },
        { "process-start", "{{ probe.kind.assembly.get_type('System.Diagnostics.Process').get_method('Start') }}" },
        { "environment-exit", "{{ ''.GetType().Assembly.GetType('System.Environment').GetMethod('Exit') }}" },
        { "task-result", "{{ probe.pending.result }}" },
        { "service-provider", "{{ probe.services.get_service(probe.kind) }}" },
        { "jinja-environment", "{{ probe.engine.globals }}" },
        // Python's classic escapes.
        { "class-mro", "{{ ''.__class__.__mro__[1].__subclasses__() }}" },
        { "class-base", "{{ ''.__class__.__base__ }}" },
        { "mro-call", "{{ ''.__class__.mro() }}" },
        { "init-globals", "{{ cycler.__init__.__globals__ }}" },
        { "lipsum-globals", "{{ lipsum.__globals__['os'] }}" },
        { "namespace-dict", "{{ namespace().__dict__.keys() }}" },
        { "self-context", "{{ self.__class__ }}{{ self.__class__.x }}" },
        { "loop-class", "{% for x in [1] %}{{ loop.__class__.__name__.upper() }}{% endfor %}" },
        // Format strings.
        { "format-class", "{{ '{0.__class__.__base__}'.format(probe) }}" },
        { "format-type", "{{ '{0.kind.assembly}'.format(probe) }}" },
        { "format-delegate", "{{ '{0.action.method}'.format(probe) }}" },
        { "format-map", "{{ '{x.kind.assembly}'.format_map({'x': probe}) }}" },
        { "format-item-type", "{{ '{0[Kind].Assembly}'.format(probe) }}" },
        { "markup-format", "{{ ('{0.kind.assembly}'|safe).format(probe) }}" },
        { "percent-format", "{{ '%s' % probe.kind.full_name }}" },
        { "format-filter", "{{ '%s'|format(probe.kind.name) }}" },
        // Bounded products.
        { "huge-string-product", "{{ 'a' * 100000000 }}" },
        { "huge-string-product-reversed", "{{ 100000000 * 'ab' }}" },
        { "huge-list-product", "{{ [0] * 10 ** 8 }}" },
        { "huge-power", "{{ 2 ** 100000000 }}" },
        { "huge-int-product", "{% set n = 2 ** 60000 %}{{ n * n }}" },
        // Repeated lookups at one site (the engine caches member getters per site outside the sandbox).
        { "same-site-in-loop", "{% for p in [probe, probe, probe] %}{{ p.name }}{{ p.kind.name }}{% endfor %}" },
        { "same-site-after-safe-read", "{% for p in [other, probe] %}{{ p.kind.name if p.kind is defined else 'x' }}{% endfor %}{{ probe.kind.name }}" },
        { "product-in-loop", "{% set ns = namespace(s='abcdefghij') %}{% for i in range(10) %}{% set ns.s = ns.s * 10 %}{% endfor %}{{ ns.s|length }}" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public void AttemptIsRefused(string what, string template)
    {
        var probe = new Probe();
        var delegates = new List<object?> { (Func<string>)probe.Fire, (Action)(() => probe.Fire()) };
        var env = new SandboxedEnvironment();
        var context = new Dictionary<string, object?> { ["probe"] = probe, ["delegates"] = delegates, ["other"] = new { Kind = "plain" } };
        var e = Assert.Throws<SecurityError>(() => env.FromString(template).Render(context));
        Assert.False(string.IsNullOrEmpty(e.BareMessage), what);
        Assert.False(probe.Fired, $"{what}: the template ran code");
    }

    [Fact]
    public void MessageNamesTheRefusedAttributeAndType()
    {
        var env = new SandboxedEnvironment();
        var ctx = new Dictionary<string, object?> { ["probe"] = new Probe() };
        Assert.Equal("access to attribute 'kind' of 'Probe' object is unsafe.",
            Assert.Throws<SecurityError>(() => env.FromString("{{ probe.kind.name }}").Render(ctx)).BareMessage);
        Assert.Equal("access to attribute 'GetType' of 'str' object is unsafe.",
            Assert.Throws<SecurityError>(() => env.FromString("{{ ''.GetType() }}").Render(ctx)).BareMessage);
        Assert.Equal("access to attribute '__class__' of 'str' object is unsafe.",
            Assert.Throws<SecurityError>(() => env.FromString("{{ ''.__class__.__mro__ }}").Render(ctx)).BareMessage);
    }

    [Fact]
    public void UnsafeValuesPrintEmptyAsInJinja2AndFailUnderStrictUndefined()
    {
        var probe = new Probe();
        var ctx = new Dictionary<string, object?> { ["probe"] = probe };
        Assert.Equal("[][][]", new SandboxedEnvironment().FromString("[{{ probe.kind }}][{{ probe.action }}][{{ ''.__class__ }}]").Render(ctx));
        Assert.Equal("False", new SandboxedEnvironment().FromString("{{ probe.kind is defined }}").Render(ctx));
        var strict = new SandboxedEnvironment { Undefined = UndefinedKind.Strict };
        Assert.Throws<SecurityError>(() => strict.FromString("{{ probe.kind }}").Render(ctx));
        Assert.Throws<SecurityError>(() => strict.FromString("{{ '{0.action}'.format(probe) }}").Render(ctx));
        Assert.False(probe.Fired);
    }

    [Fact]
    public void RepeatedLookupsAtOneSiteStayRefused()
    {
        var env = new SandboxedEnvironment();
        var ctx = new Dictionary<string, object?> { ["probe"] = new Probe() };
        Assert.Equal("False False False ", env.FromString("{% for p in [probe, probe, probe] %}{{ p.kind is defined }} {% endfor %}").Render(ctx));
        var t = env.FromString("{{ probe.kind is defined }}");
        Assert.Equal("False", t.Render(ctx));
        Assert.Equal("False", t.Render(ctx));
    }

    [Fact]
    public void HugeRangeIsAnOverflowErrorAsInJinja2()
    {
        var env = new SandboxedEnvironment();
        var e = Assert.Throws<PythonError>(() => env.FromString("{{ range(100001)|length }}").Render());
        Assert.Equal("OverflowError", e.Kind);
        Assert.Equal("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).", e.BareMessage);
        Assert.Equal("100000", env.FromString("{{ range(0, 200000, 2)|length }}").Render());
        Assert.Throws<PythonError>(() => env.FromString("{{ range(0, 10 ** 12)|length }}").Render());
        var wide = new SandboxedEnvironment { MaxRange = 10 };
        Assert.Throws<PythonError>(() => wide.FromString("{{ range(11)|length }}").Render());
    }

    [Fact]
    public void RegisteredDelegatesStayCallable()
    {
        var probe = new Probe();
        var env = new SandboxedEnvironment();
        env.Globals["shout"] = (Func<string, string>)(s => s.ToUpperInvariant());
        var ctx = new Dictionary<string, object?> { ["probe"] = probe, ["fire"] = (Func<string>)probe.Fire };
        Assert.Equal("HI", env.FromString("{{ shout('hi') }}").Render(ctx));
        Assert.Equal("HI", env.FromString("{% set s = shout %}{{ s('hi') }}").Render(ctx));
        Assert.Equal("fired", env.FromString("{{ fire() }}").Render(ctx));
        Assert.True(probe.Fired);
    }

    [Fact]
    public void DelegateFromDataIsNotSafelyCallable()
    {
        var probe = new Probe();
        var env = new SandboxedEnvironment();
        var ctx = new Dictionary<string, object?> { ["fns"] = new List<object?> { (Func<string>)probe.Fire } };
        var e = Assert.Throws<SecurityError>(() => env.FromString("{{ fns[0]() }}").Render(ctx));
        Assert.Contains("access to attribute", e.BareMessage);
        e = Assert.Throws<SecurityError>(() => env.FromString("{% for f in fns %}{{ f() }}{% endfor %}").Render(ctx));
        Assert.EndsWith("is not safely callable", e.BareMessage);
        Assert.False(probe.Fired);
    }
}
