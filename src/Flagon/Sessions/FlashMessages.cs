using System.Collections;
using Flagon.Jinja.Runtime;

namespace Flagon.Sessions;

/// <summary>
/// Flask's message flashing over the session: <c>flash()</c> appends a <c>(category, message)</c> tuple
/// to <c>session["_flashes"]</c>; <c>get_flashed_messages()</c> pops the list once per request and
/// filters it. The app keeps the popped list for the rest of the request and fires MessageFlashed.
/// </summary>
public static class FlashMessages
{
    /// <summary>The session key holding pending flashes.</summary>
    public const string SessionKey = "_flashes";

    /// <summary>Flask's default category.</summary>
    public const string DefaultCategory = "message";

    /// <summary>Adds a message (a string or <see cref="Markup"/>) for the next request that reads flashes.</summary>
    public static void Add(SessionData session, object message, string category = DefaultCategory)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(category);
        var flashes = session.Get(SessionKey) switch
        {
            List<object?> list => list,
            IEnumerable seq and not string => seq.Cast<object?>().ToList(),
            _ => [],
        };
        flashes.Add(new PyTuple(category, message));
        session[SessionKey] = flashes; // re-assign so the session is marked modified, as Flask does
    }

    /// <summary>Removes and returns the pending flashes as <c>(category, message)</c> tuples; an empty list when there are none.</summary>
    public static IReadOnlyList<PyTuple> Pop(SessionData session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.ContainsKey(SessionKey))
        {
            return [];
        }
        var raw = session.Pop(SessionKey);
        var result = new List<PyTuple>();
        if (raw is IEnumerable seq and not string)
        {
            foreach (var item in seq)
            {
                switch (item)
                {
                    case PyTuple { Count: >= 2 } t: result.Add(t); break;
                    case IList { Count: >= 2 } l: result.Add(PyTuple.From(l.Cast<object?>())); break;
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Flask's <c>get_flashed_messages</c> filtering: keep the categories in <paramref name="categoryFilter"/>
    /// (all when empty), then return the messages, or the <c>(category, message)</c> tuples when <paramref name="withCategories"/>.
    /// </summary>
    public static IReadOnlyList<object?> Select(IReadOnlyList<PyTuple> flashes, bool withCategories = false, IEnumerable<string>? categoryFilter = null)
    {
        ArgumentNullException.ThrowIfNull(flashes);
        var filter = categoryFilter?.ToHashSet(StringComparer.Ordinal);
        IEnumerable<PyTuple> kept = filter is { Count: > 0 } ? flashes.Where(f => f[0] is string c && filter.Contains(c)) : flashes;
        return withCategories ? kept.Cast<object?>().ToList() : kept.Select(f => f[1]).ToList();
    }
}
