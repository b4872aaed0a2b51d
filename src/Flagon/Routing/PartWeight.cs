namespace Flagon.Routing;

/// <summary>
/// Werkzeug's <c>Weighting</c> of a dynamic rule part: (-number of static pieces, their (index, -length) pairs,
/// -number of converters, converter weights), compared lexicographically; lower sorts first.
/// </summary>
internal sealed class PartWeight : IComparable<PartWeight>, IEquatable<PartWeight>
{
    public PartWeight(List<(int Index, int NegLength)> staticWeights, List<int> argumentWeights)
    {
        StaticWeights = [.. staticWeights];
        ArgumentWeights = [.. argumentWeights];
    }

    public (int Index, int NegLength)[] StaticWeights { get; }

    public int[] ArgumentWeights { get; }

    public int CompareTo(PartWeight? other)
    {
        if (other is null)
        {
            return 1;
        }
        var c = (-StaticWeights.Length).CompareTo(-other.StaticWeights.Length);
        if (c != 0)
        {
            return c;
        }
        c = CompareLists(StaticWeights, other.StaticWeights, (a, b) =>
        {
            var x = a.Index.CompareTo(b.Index);
            return x != 0 ? x : a.NegLength.CompareTo(b.NegLength);
        });
        if (c != 0)
        {
            return c;
        }
        c = (-ArgumentWeights.Length).CompareTo(-other.ArgumentWeights.Length);
        if (c != 0)
        {
            return c;
        }
        return CompareLists(ArgumentWeights, other.ArgumentWeights, (a, b) => a.CompareTo(b));
    }

    private static int CompareLists<T>(T[] a, T[] b, Func<T, T, int> compare)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    public bool Equals(PartWeight? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is PartWeight other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(StaticWeights.Length, ArgumentWeights.Length);

    public override string ToString()
        => "(" + string.Join(",", StaticWeights.Select(w => $"{w.Index}:{w.NegLength}")) + ";"
           + string.Join(",", ArgumentWeights) + ")";
}
