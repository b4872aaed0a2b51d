using Flagon.Jinja.Runtime;
using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Tests.Sandbox;

/// <summary>The immutable sandbox refuses every method that changes a list or dict, also on .NET data.</summary>
public class ImmutableSandboxTests
{
    [Theory]
    [InlineData("{{ names.append('x') }}", "append", "list")]
    [InlineData("{{ names.extend(['x']) }}", "extend", "list")]
    [InlineData("{{ names.insert(0, 'x') }}", "insert", "list")]
    [InlineData("{{ names.remove('b') }}", "remove", "list")]
    [InlineData("{{ names.reverse() }}", "reverse", "list")]
    [InlineData("{{ names.sort() }}", "sort", "list")]
    [InlineData("{{ names.pop() }}", "pop", "list")]
    [InlineData("{{ names.clear() }}", "clear", "list")]
    [InlineData("{{ (names|attr('append'))('x') }}", "append", "list")]
    [InlineData("{{ scores.update({'x': 1}) }}", "update", "dict")]
    [InlineData("{{ scores.pop('a') }}", "pop", "dict")]
    [InlineData("{{ scores.popitem() }}", "popitem", "dict")]
    [InlineData("{{ scores.setdefault('x', 1) }}", "setdefault", "dict")]
    [InlineData("{{ scores.clear() }}", "clear", "dict")]
    public void MutatingMethodsOfDotNetDataAreRefused(string template, string method, string type)
    {
        var names = new List<string> { "b", "a" };
        var scores = new Dictionary<string, int> { ["a"] = 1 };
        var env = new ImmutableSandboxedEnvironment();
        var e = Assert.Throws<SecurityError>(() => env.FromString(template).Render(new Dictionary<string, object?> { ["names"] = names, ["scores"] = scores }));
        Assert.Equal($"access to attribute '{method}' of '{Ops.TypeName(type == "list" ? names : scores)}' object is unsafe.", e.BareMessage);
        Assert.Equal(["b", "a"], names);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1 }, scores);
    }

    [Fact]
    public void MessagesAreJinja2s()
    {
        var env = new ImmutableSandboxedEnvironment();
        Assert.Equal("access to attribute 'append' of 'list' object is unsafe.",
            Assert.Throws<SecurityError>(() => env.FromString("{% set l = [1] %}{{ l.append(2) }}").Render()).BareMessage);
        Assert.Equal("access to attribute 'update' of 'dict' object is unsafe.",
            Assert.Throws<SecurityError>(() => env.FromString("{{ {}.update({'a': 1}) }}").Render()).BareMessage);
    }

    [Fact]
    public void PopAndClearOfListsAreRefusedUnlikeJinja2()
    {
        // Jinja2 3.1 only lists append/reverse/insert/sort/extend/remove for sequences, so its immutable
        // sandbox lets list.pop() and list.clear() change data; Flagon refuses every mutating method.
        var env = new ImmutableSandboxedEnvironment();
        Assert.Throws<SecurityError>(() => env.FromString("{% set l = [1] %}{{ l.pop() }}").Render());
        Assert.Throws<SecurityError>(() => env.FromString("{% set l = [1] %}{{ l.clear() }}").Render());
    }

    [Fact]
    public void ReadingMethodsAndFiltersStillWork()
    {
        var env = new ImmutableSandboxedEnvironment { TrimBlocks = true, LstripBlocks = true, Extensions = JinjaExtensions.LoopControls };
        var ctx = new Dictionary<string, object?> { ["names"] = new List<string> { "b", "a" }, ["scores"] = new Dictionary<string, int> { ["a"] = 1 } };
        Assert.Equal("1 0 ['a', 'b'] 1 [('a', 1)] a,b",
            env.FromString("{{ names.count('b') }} {{ names.index('b') }} {{ names|sort }} {{ scores.get('a') }} {{ scores.items()|list }} {{ names|sort|join(',') }}").Render(ctx));
        Assert.Equal("b\n", env.FromString("{% for n in names %}\n  {% if loop.index > 1 %}{% break %}{% endif %}\n{{ n }}\n{% endfor %}\n").Render(ctx));
    }

    [Fact]
    public void PlainSandboxAllowsMutation()
    {
        var names = new List<object?> { "a" };
        Assert.Equal("None", new SandboxedEnvironment().FromString("{{ names.append('b') }}").Render(new Dictionary<string, object?> { ["names"] = names }));
        Assert.Equal(["a", "b"], names);
    }
}
