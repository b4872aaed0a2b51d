using Flagon.Jinja.Runtime;
using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Tests.Sandbox;

/// <summary>An application widens or tightens the sandbox on purpose by subclassing it.</summary>
public class SandboxPolicyTests
{
    private sealed class TypeNamesAllowed : SandboxedEnvironment
    {
        public override bool IsSafeAttribute(object obj, string attribute, object? value) =>
            (obj is Probe && attribute == "kind") || (obj is Type && attribute == "name") || base.IsSafeAttribute(obj, attribute, value);
    }

    private sealed class DataDelegatesAllowed : SandboxedEnvironment
    {
        public override bool IsSafeAttribute(object obj, string attribute, object? value) =>
            (obj is Probe && attribute == "action") || base.IsSafeAttribute(obj, attribute, value);

        public override bool IsSafeCallable(object obj) => obj is Func<string> || base.IsSafeCallable(obj);
    }

    private sealed class NoPrivateNames : SandboxedEnvironment
    {
        public override bool IsSafeAttribute(object obj, string attribute, object? value) =>
            attribute != "name" && base.IsSafeAttribute(obj, attribute, value);
    }

    private sealed class AddIsBounded : SandboxedEnvironment
    {
        private static readonly IReadOnlySet<string> Ops = new HashSet<string> { "+", "*", "**" };

        public List<string> Seen { get; } = [];

        public override IReadOnlySet<string> InterceptedBinops => Ops;

        public override IReadOnlySet<string> InterceptedUnops => new HashSet<string> { "-" };

        public override object? CallBinop(EvalContext context, string op, object? left, object? right)
        {
            Seen.Add(op);
            if (op == "+" && left is string a && right is string b && a.Length + b.Length > 5)
            {
                throw new SecurityError("string too long");
            }
            return base.CallBinop(context, op, left, right);
        }

        public override object? CallUnop(EvalContext context, string op, object? operand)
        {
            Seen.Add("unary" + op);
            return base.CallUnop(context, op, operand);
        }
    }

    [Fact]
    public void OverridingIsSafeAttributeWidensOnPurpose()
    {
        var ctx = new Dictionary<string, object?> { ["probe"] = new Probe() };
        Assert.Equal("Probe", new TypeNamesAllowed().FromString("{{ probe.kind.name }}").Render(ctx));
        Assert.Throws<SecurityError>(() => new TypeNamesAllowed().FromString("{{ probe.kind.assembly.location }}").Render(ctx));
        Assert.Throws<SecurityError>(() => new SandboxedEnvironment().FromString("{{ probe.kind.name }}").Render(ctx));
    }

    [Fact]
    public void OverridingIsSafeCallableAllowsDelegatesFromData()
    {
        var probe = new Probe();
        var ctx = new Dictionary<string, object?> { ["probe"] = probe };
        Assert.Equal("fired", new DataDelegatesAllowed().FromString("{{ probe.action() }}").Render(ctx));
        Assert.True(probe.Fired);
    }

    [Fact]
    public void OverridingIsSafeAttributeTightens()
    {
        var ctx = new Dictionary<string, object?> { ["probe"] = new Probe() };
        Assert.Equal("", new NoPrivateNames().FromString("{{ probe.name }}").Render(ctx));
        Assert.Throws<SecurityError>(() => new NoPrivateNames().FromString("{{ probe.name.upper() }}").Render(ctx));
        Assert.Equal("PROBE", new SandboxedEnvironment().FromString("{{ probe.name.upper() }}").Render(ctx));
    }

    [Fact]
    public void InterceptedOperatorsGoThroughCallBinopAndCallUnop()
    {
        var env = new AddIsBounded();
        Assert.Equal("abcd -3 6", env.FromString("{{ 'ab' + 'cd' }} {{ -3 }} {{ 2 * 3 }}").Render());
        Assert.Equal(["+", "unary-", "*"], env.Seen);
        Assert.Equal("string too long", Assert.Throws<SecurityError>(() => env.FromString("{{ 'abc' + 'def' }}").Render()).BareMessage);
    }

    [Fact]
    public void BoundsAreConfigurable()
    {
        var env = new SandboxedEnvironment { MaxRepetition = 10, MaxIntegerBits = 64 };
        Assert.Equal("aaaaaaaaaa", env.FromString("{{ 'a' * 10 }}").Render());
        Assert.Throws<SecurityError>(() => env.FromString("{{ 'a' * 11 }}").Render());
        Assert.Throws<SecurityError>(() => env.FromString("{{ [1, 2] * 6 }}").Render());
        Assert.Equal("1152921504606846976", env.FromString("{{ 2 ** 60 }}").Render());
        Assert.Throws<SecurityError>(() => env.FromString("{{ 2 ** 70 }}").Render());
        Assert.Equal("", env.FromString("{{ 'abc' * -5 }}").Render());
        Assert.Equal("4", new SandboxedEnvironment().FromString("{{ (2 ** 100000 // 2 ** 99998) }}").Render());
    }

    [Fact]
    public void SandboxIsAnEnvironmentWithEverythingItHas()
    {
        var env = new ImmutableSandboxedEnvironment
        {
            TrimBlocks = true,
            LstripBlocks = true,
            Extensions = JinjaExtensions.LoopControls,
            Loader = new Loaders.DictLoader(new Dictionary<string, string> { ["base"] = "<{% block b %}{% endblock %}>", ["child"] = "{% extends 'base' %}{% block b %}{{ x|upper|twice }}{% endblock %}" }),
        };
        env.Filters["twice"] = (string s) => s + s;
        Assert.Equal("<HIHI>", env.GetTemplate("child").Render(new Dictionary<string, object?> { ["x"] = "hi" }));
        Assert.Equal("abab", env.FromString("{{ 'ab'|twice }}").Render());
        Assert.IsAssignableFrom<JinjaEnvironment>(env);
    }
}
