using System.Text;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>
/// Compares an engine outcome with Jinja2's recorded result.
/// <list type="bullet">
/// <item>Output must match byte for byte.</item>
/// <item>An error must be a <see cref="TemplateError"/> of the same <see cref="TemplateError.Kind"/>.</item>
/// <item>Line numbers: compile-time errors (syntax, assertion) must report Jinja2's line; runtime
/// errors must match when the engine reports a line, and only get a note when it reports none.</item>
/// <item>Messages and template names never fail a case: a differing message of a compile-time
/// error, or a differing template name, is a note (printed, and listed in the report).</item>
/// </list>
/// </summary>
public sealed record CaseVerdict(bool Passed, string? Cause, string? Detail, IReadOnlyList<string> Notes)
{
    public static CaseVerdict Judge(FixtureCase c, RenderOutcome outcome)
    {
        var notes = new List<string>();
        if (c.Error is null)
        {
            if (outcome.Error is not null)
            {
                return Fail("expected output, got " + Describe(outcome.Error),
                    $"expected output: {Show(c.Expected)}\nerror: {outcome.Error}");
            }
            if (!string.Equals(c.Expected, outcome.Output, StringComparison.Ordinal))
            {
                return Fail("wrong output", $"expected: {Show(c.Expected)}\nactual:   {Show(outcome.Output)}");
            }
            return new CaseVerdict(true, null, null, notes);
        }

        var expected = c.Error;
        if (outcome.Error is null)
        {
            return Fail($"expected {expected.Kind}, got output",
                $"expected error: {expected.Kind}: {expected.Message}\nactual output: {Show(outcome.Output)}");
        }
        if (outcome.Error is not TemplateError error)
        {
            return Fail($"expected {expected.Kind}, got {Describe(outcome.Error)}",
                $"expected error: {expected.Kind}: {expected.Message}\nactual: {outcome.Error}");
        }
        if (error.Kind != expected.Kind)
        {
            return Fail($"expected {expected.Kind}, got {error.Kind}",
                $"expected error: {expected.Kind}: {expected.Message}\nactual error:   {error.Kind}: {error.BareMessage}");
        }
        if (expected.LineNumber is int line)
        {
            if (error.LineNumber is int actual && actual != line)
            {
                return Fail($"{expected.Kind}: wrong line",
                    $"expected line {line}, got {actual}: {error.Kind}: {error.BareMessage}");
            }
            if (error.LineNumber is null)
            {
                if (expected.IsSyntaxKind)
                {
                    return Fail($"{expected.Kind}: no line", $"expected line {line}, got none: {error.BareMessage}");
                }
                notes.Add($"no line number (Jinja2: {line})");
            }
        }
        if (expected.IsSyntaxKind && !string.Equals(expected.Message, error.BareMessage, StringComparison.Ordinal))
        {
            notes.Add($"message differs: Jinja2 {Show(expected.Message)}, engine {Show(error.BareMessage)}");
        }
        if (expected.TemplateName is not null && error.TemplateName is not null
            && expected.TemplateName != error.TemplateName)
        {
            notes.Add($"template name differs: Jinja2 {expected.TemplateName}, engine {error.TemplateName}");
        }
        return new CaseVerdict(true, null, null, notes);

        CaseVerdict Fail(string cause, string detail) => new(false, cause, detail, notes);
    }

    private static string Describe(Exception ex)
    {
        string kind = ex is TemplateError t ? t.Kind : ".NET " + ex.GetType().Name;
        string message = ex is TemplateError te ? te.BareMessage : ex.Message;
        message = message.Split('\n', 2)[0];
        return kind + ": " + (message.Length > 100 ? message[..100] + "…" : message);
    }

    /// <summary>A string as a readable literal: quotes, with control characters escaped.</summary>
    public static string Show(string? s)
    {
        if (s is null)
        {
            return "null";
        }
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (char.IsControl(ch))
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("x4"));
                    }
                    else
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
