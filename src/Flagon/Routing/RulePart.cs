using System.Text;

namespace Flagon.Routing;

/// <summary>
/// One compiled segment of a rule (Werkzeug's <c>RulePart</c>): static text, or a pattern of static text and
/// converters. A final part (after a non-part-isolating converter) consumes the rest of the path.
/// </summary>
internal sealed class RulePart
{
    private RulePart(bool isStatic, string content, bool final, bool suffixed, PartWeight weight, IReadOnlyList<Piece> pieces)
    {
        IsStatic = isStatic;
        Content = content;
        Final = final;
        Suffixed = suffixed;
        Weight = weight;
        Pieces = pieces;
        Key = isStatic ? content : content + "\u0001" + final + suffixed + weight;
    }

    /// <summary>A static text or converter piece of a dynamic part.</summary>
    public readonly record struct Piece(string? Text, BaseConverter? Converter);

    public bool IsStatic { get; }

    /// <summary>The raw text of a static part, or the .NET regex source of a dynamic part.</summary>
    public string Content { get; }

    public bool Final { get; }

    public bool Suffixed { get; }

    public PartWeight Weight { get; }

    public IReadOnlyList<Piece> Pieces { get; }

    /// <summary>Identity of the transition: parts with equal keys share a matcher state.</summary>
    public string Key { get; }

    public static RulePart Static(string text, PartWeight weight) => new(true, text, false, false, weight, []);

    /// <summary>Creates a dynamic part; builds the regex source the way Werkzeug builds its part regex.</summary>
    public static RulePart Dynamic(List<Piece> pieces, bool final, PartWeight weight, out RulePart? suffixPart)
    {
        var suffixed = false;
        var body = new List<Piece>(pieces);
        if (final && body.Count > 0 && body[^1].Text is { } last && last.EndsWith('/'))
        {
            suffixed = true;
            body[^1] = new Piece(last[..^1], null);
        }
        var sb = new StringBuilder();
        var n = 0;
        foreach (var piece in body)
        {
            if (piece.Converter is { } converter)
            {
                sb.Append("(?<__f").Append(n++).Append('>').Append(converter.Regex).Append(')');
            }
            else
            {
                sb.Append(System.Text.RegularExpressions.Regex.Escape(piece.Text!));
            }
        }
        // Werkzeug appends "(?<!/)(/?)" to a suffixed part; PartMatcher applies that suffix by hand so the
        // regex stays free of lookbehind (and can run on the linear-time engine).
        sb.Append(@"\z");
        suffixPart = suffixed ? Static("", weight) : null;
        return new RulePart(false, sb.ToString(), final, suffixed, weight, body);
    }
}
