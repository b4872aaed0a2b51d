using System.Text;

namespace Flagon.Jinja.Tests;

/// <summary>
/// An output statement (template data and <c>{{ }}</c> expressions between two tags) is written by
/// one delegate: parts in order, adjacent constants merged, errors naming the failing part's line.
/// </summary>
public class OutputStatementTests
{
    [Fact]
    public void Parts_are_written_in_order_with_constants_merged()
    {
        Assert.Equal("a1b&lt;c&gt;2&amp;3", TestUtil.Render(
            "a{{ x }}b{{ '<c>' }}{{ 2 }}{{ '&' ~ '3' }}", new { x = 1 }, e => e.Autoescape = true));
        Assert.Equal("<c>", TestUtil.Render("{{ '<c>' }}"));
        Assert.Equal("", TestUtil.Render("{% if false %}{% endif %}"));
    }

    [Fact]
    public void An_error_names_the_line_of_its_part()
    {
        var env = TestUtil.Env(new() { ["t.html"] = "a\nb {{ 1 }}\n{{ 1 // 0 }} c" });
        var e = Assert.Throws<PythonError>(() => env.GetTemplate("t.html").Render());
        Assert.Equal(("ZeroDivisionError", 3, "t.html"), (e.Kind, e.LineNumber, e.TemplateName));
    }

    [Fact]
    public void A_dotnet_exception_from_a_value_is_wrapped_but_one_from_the_writer_on_data_is_not()
    {
        var env = TestUtil.Env(new() { ["t.html"] = "x\n{{ v }}", ["data.html"] = "{{ 1 }}boom" });
        var wrapped = Assert.Throws<TemplateRuntimeError>(() => env.GetTemplate("t.html").Render(new ThrowingWriter(), new { v = "boom" }));
        Assert.Equal((2, "t.html"), (wrapped.LineNumber, wrapped.TemplateName));
        Assert.IsType<IOException>(wrapped.InnerException);
        Assert.Throws<IOException>(() => env.GetTemplate("data.html").Render(new ThrowingWriter(), null));
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(string? value)
        {
            if (value is not null && value.Contains("boom", StringComparison.Ordinal))
            {
                throw new IOException("disk full");
            }
            base.Write(value);
        }

        public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

        public override Encoding Encoding => Encoding.UTF8;
    }
}
