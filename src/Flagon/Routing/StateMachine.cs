using System.Collections.Frozen;

namespace Flagon.Routing;

/// <summary>
/// Werkzeug's state-machine matcher: rules are added part by part into a tree of states; it is then
/// compiled into immutable states with frozen static transitions and weight-sorted dynamic ones.
/// </summary>
internal sealed class StateMachine
{
    private readonly BuilderState _root = new();

    private sealed class BuilderState
    {
        public readonly List<Rule> Rules = [];
        public readonly Dictionary<string, BuilderState> Static = new(StringComparer.Ordinal);
        public readonly List<(RulePart Part, BuilderState State)> Dynamic = [];
    }

    /// <summary>Adds a bound rule's parts.</summary>
    public void Add(Rule rule)
    {
        var state = _root;
        foreach (var part in rule.Parts)
        {
            if (part.IsStatic)
            {
                if (!state.Static.TryGetValue(part.Content, out var next))
                {
                    next = new BuilderState();
                    state.Static[part.Content] = next;
                }
                state = next;
            }
            else
            {
                BuilderState? found = null;
                foreach (var (testPart, newState) in state.Dynamic)
                {
                    if (testPart.Key == part.Key)
                    {
                        found = newState;
                        break;
                    }
                }
                if (found is null)
                {
                    found = new BuilderState();
                    state.Dynamic.Add((part, found));
                }
                state = found;
            }
        }
        state.Rules.Add(rule);
    }

    /// <summary>Compiles the current tree into an immutable snapshot.</summary>
    public CompiledState Compile(out int maxCaptures)
    {
        var max = 0;
        var root = Compile(_root, 0, ref max);
        maxCaptures = max;
        return root;
    }

    private static CompiledState Compile(BuilderState state, int depthCaptures, ref int maxCaptures)
    {
        maxCaptures = Math.Max(maxCaptures, depthCaptures);
        var statics = new Dictionary<string, CompiledState>(StringComparer.Ordinal);
        foreach (var (key, child) in state.Static)
        {
            statics[key] = Compile(child, depthCaptures, ref maxCaptures);
        }
        // Stable sort by weight (Python's list.sort is stable).
        var ordered = state.Dynamic
            .Select((entry, index) => (entry, index))
            .OrderBy(x => x.entry.Part.Weight, Comparer<PartWeight>.Default)
            .ThenBy(x => x.index)
            .Select(x => x.entry)
            .ToList();
        var dynamic = new DynamicTransition[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var matcher = new PartMatcher(ordered[i].Part);
            var target = Compile(ordered[i].State, depthCaptures + matcher.GroupCount, ref maxCaptures);
            dynamic[i] = new DynamicTransition(matcher, target);
        }
        return new CompiledState([.. state.Rules], statics, dynamic);
    }
}

/// <summary>A dynamic transition: the part's matcher and the state it leads to.</summary>
internal sealed record DynamicTransition(PartMatcher Matcher, CompiledState Target);

/// <summary>An immutable matcher state.</summary>
internal sealed class CompiledState
{
    private readonly FrozenDictionary<string, CompiledState>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CompiledState(Rule[] rules, Dictionary<string, CompiledState> statics, DynamicTransition[] dynamic)
    {
        Rules = rules;
        HasStatic = statics.Count > 0;
        var frozen = statics.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
        EmptyChild = frozen.GetValueOrDefault("");
        Dynamic = dynamic;
    }

    /// <summary>Rules that end in this state, in registration order.</summary>
    public Rule[] Rules { get; }

    public bool HasStatic { get; }

    /// <summary>The state reached by an empty segment (a trailing slash), if any.</summary>
    public CompiledState? EmptyChild { get; }

    public DynamicTransition[] Dynamic { get; }

    public bool TryGetStatic(ReadOnlySpan<char> segment, out CompiledState next)
        => _lookup.TryGetValue(segment, out next!);
}
