using System.Text.RegularExpressions;

namespace Flagon.Routing;

/// <summary>A captured variable: a span of the domain (<see cref="InDomain"/>) or of the path.</summary>
internal readonly record struct Capture(bool InDomain, int Start, int Length);

/// <summary>
/// Matches one dynamic part against a segment (or the rest of the path for a final part): a hand-written
/// check for a lone built-in converter, a compiled regex otherwise.
/// </summary>
internal sealed class PartMatcher
{
    private readonly BaseConverter? _fast;
    private readonly Regex? _regex;
    private readonly int _groupCount;
    private readonly int[] _groupNumbers = [];
    private readonly int _suffixGroup = -1;

    public PartMatcher(RulePart part)
    {
        Final = part.Final;
        Suffixed = part.Suffixed;
        _groupCount = part.Pieces.Count(p => p.Converter is not null);
        if (part.Pieces.Count == 1 && part.Pieces[0].Converter is { HasFastMatch: true } converter && !part.Suffixed)
        {
            _fast = converter;
        }
        else
        {
            _regex = new Regex(@"\A(?:" + part.Content + ")", RegexOptions.CultureInvariant);
            _groupNumbers = new int[_groupCount];
            for (var i = 0; i < _groupCount; i++)
            {
                _groupNumbers[i] = _regex.GroupNumberFromName("__f" + i);
            }
            if (part.Suffixed)
            {
                _suffixGroup = _regex.GroupNumberFromName("__suffix");
            }
        }
    }

    public bool Final { get; }

    public bool Suffixed { get; }

    /// <summary>The number of values this part captures.</summary>
    public int GroupCount => _groupCount;

    /// <summary>Matches <paramref name="source"/>[start, start+length) and writes the captured spans.</summary>
    public bool TryMatch(string source, bool inDomain, int start, int length, Span<Capture> captures, out bool slashSuffix)
    {
        slashSuffix = false;
        if (_fast is not null)
        {
            if (!_fast.FastMatch(source.AsSpan(start, length)))
            {
                return false;
            }
            captures[0] = new Capture(inDomain, start, length);
            return true;
        }
        var match = _regex!.Match(source, start, length);
        if (!match.Success)
        {
            return false;
        }
        for (var i = 0; i < _groupCount; i++)
        {
            var group = match.Groups[_groupNumbers[i]];
            captures[i] = new Capture(inDomain, group.Index, group.Length);
        }
        if (Suffixed)
        {
            slashSuffix = match.Groups[_suffixGroup].Length == 1;
        }
        return true;
    }
}
