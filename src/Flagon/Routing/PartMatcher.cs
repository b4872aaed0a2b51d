using System.Text.RegularExpressions;

namespace Flagon.Routing;

/// <summary>A captured variable: a span of the domain (<see cref="InDomain"/>) or of the path.</summary>
internal readonly record struct Capture(bool InDomain, int Start, int Length);

/// <summary>
/// Matches one dynamic part against a segment (or the rest of the path for a final part): a hand-written
/// check for a lone built-in converter, a compiled regex otherwise. Regexes run on .NET's linear-time
/// (non-backtracking) engine when the pattern allows it, so a segment such as <c>&lt;a&gt;-&lt;b&gt;-&lt;c&gt;</c>
/// cannot be made to backtrack catastrophically; other patterns get a match timeout that counts as no match.
/// </summary>
internal sealed class PartMatcher
{
    private static readonly TimeSpan _backtrackingTimeout = TimeSpan.FromSeconds(1);

    private readonly BaseConverter? _fast;
    private readonly Regex? _regex;
    private readonly int _groupCount;
    private readonly int[] _groupNumbers = [];

    public PartMatcher(RulePart part)
    {
        Final = part.Final;
        Suffixed = part.Suffixed;
        _groupCount = part.Pieces.Count(p => p.Converter is not null);
        if (part.Pieces.Count == 1 && part.Pieces[0].Converter is { HasFastMatch: true } converter)
        {
            _fast = converter;
            return;
        }
        var pattern = @"\A(?:" + part.Content + ")";
        try
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Lookarounds, backreferences or atomic groups in a custom converter's regex.
            _regex = new Regex(pattern, RegexOptions.CultureInvariant, _backtrackingTimeout);
        }
        _groupNumbers = new int[_groupCount];
        for (var i = 0; i < _groupCount; i++)
        {
            _groupNumbers[i] = _regex.GroupNumberFromName("__f" + i);
        }
    }

    public bool Final { get; }

    public bool Suffixed { get; }

    /// <summary>The number of values this part captures.</summary>
    public int GroupCount => _groupCount;

    /// <summary>Matches <paramref name="source"/>[start, start+length) and writes the captured spans.</summary>
    /// <remarks>
    /// A suffixed part (a final part whose rule ends with a slash) behaves like Werkzeug 3's
    /// <c>…(?&lt;!/)(/?)\Z</c>: a trailing slash is split off as the suffix (and the value must not end with
    /// another slash); without a trailing slash the whole text is the value and the caller redirects.
    /// </remarks>
    public bool TryMatch(string source, bool inDomain, int start, int length, Span<Capture> captures, out bool slashSuffix)
    {
        slashSuffix = false;
        if (Suffixed && length > 0 && source[start + length - 1] == '/')
        {
            if (length > 1 && source[start + length - 2] == '/')
            {
                return false;
            }
            length--;
            slashSuffix = true;
        }
        if (_fast is not null)
        {
            if (!_fast.FastMatch(source.AsSpan(start, length)))
            {
                return false;
            }
            captures[0] = new Capture(inDomain, start, length);
            return true;
        }
        Match match;
        try
        {
            match = _regex!.Match(source, start, length);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        if (!match.Success)
        {
            return false;
        }
        for (var i = 0; i < _groupCount; i++)
        {
            var group = match.Groups[_groupNumbers[i]];
            captures[i] = new Capture(inDomain, group.Index, group.Length);
        }
        return true;
    }
}
