using Flagon.Jinja.Chat;
using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>Our own chat templates render exactly as Jinja2 under transformers' configuration (Fixtures/generate_chat.py).</summary>
public sealed class ChatTemplateFixtureTests
{
    private static readonly FixedClock RecordedClock = new(new DateTime(2025, 7, 10, 12, 0, 0));

    public static IEnumerable<object[]> Cases => ChatFixtures.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersLikeJinja2(string template, string scenario)
    {
        var c = ChatFixtures.Case(template, scenario);
        var variables = PyJson.Loads(c.GetProperty("variables").GetRawText());
        string actual;
        try
        {
            bool continueFinal = c.TryGetProperty("continue_final_message", out var flag) && flag.GetBoolean();
            actual = ChatTemplate.FromString(ChatFixtures.Template(template))
                .RenderVariables(variables, RecordedClock, continueFinalMessage: continueFinal);
        }
        catch (TemplateError e)
        {
            actual = "!" + e.Kind + ": " + e.BareMessage;
        }
        string expected = c.TryGetProperty("expected", out var e2) ? e2.GetString()! : "!" + c.GetProperty("error").GetString();
        Assert.Equal(expected, actual);
    }
}
