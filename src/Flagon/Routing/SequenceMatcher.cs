namespace Flagon.Routing;

/// <summary>
/// The similarity ratio of Python's <c>difflib.SequenceMatcher(None, a, b).ratio()</c>
/// (Ratcliff/Obershelp with difflib's "popular element" junk rule), used for BuildError suggestions.
/// </summary>
internal static class SequenceMatcher
{
    /// <summary>Returns <c>2 * matches / (len(a) + len(b))</c>, exactly as difflib computes it.</summary>
    public static double Ratio(string a, string b)
    {
        var total = a.Length + b.Length;
        if (total == 0)
        {
            return 1.0;
        }
        // b2j: positions of each element of b, minus "popular" elements when b is long.
        var b2j = new Dictionary<char, List<int>>();
        for (var i = 0; i < b.Length; i++)
        {
            if (!b2j.TryGetValue(b[i], out var list))
            {
                list = [];
                b2j[b[i]] = list;
            }
            list.Add(i);
        }
        var n = b.Length;
        if (n >= 200)
        {
            var ntest = n / 100 + 1;
            foreach (var key in b2j.Keys.ToList())
            {
                if (b2j[key].Count > ntest)
                {
                    b2j.Remove(key);
                }
            }
        }
        var matches = 0;
        var queue = new Stack<(int Alo, int Ahi, int Blo, int Bhi)>();
        queue.Push((0, a.Length, 0, b.Length));
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue.Pop();
            var (i, j, k) = FindLongestMatch(a, b, b2j, alo, ahi, blo, bhi);
            if (k > 0)
            {
                matches += k;
                if (alo < i && blo < j)
                {
                    queue.Push((alo, i, blo, j));
                }
                if (i + k < ahi && j + k < bhi)
                {
                    queue.Push((i + k, ahi, j + k, bhi));
                }
            }
        }
        return 2.0 * matches / total;
    }

    private static (int I, int J, int K) FindLongestMatch(
        string a, string b, Dictionary<char, List<int>> b2j, int alo, int ahi, int blo, int bhi)
    {
        var besti = alo;
        var bestj = blo;
        var bestsize = 0;
        var j2len = new Dictionary<int, int>();
        for (var i = alo; i < ahi; i++)
        {
            var newj2len = new Dictionary<int, int>();
            if (b2j.TryGetValue(a[i], out var positions))
            {
                foreach (var j in positions)
                {
                    if (j < blo)
                    {
                        continue;
                    }
                    if (j >= bhi)
                    {
                        break;
                    }
                    var k = (j2len.TryGetValue(j - 1, out var prev) ? prev : 0) + 1;
                    newj2len[j] = k;
                    if (k > bestsize)
                    {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
            }
            j2len = newj2len;
        }
        // difflib extends the match over equal elements the index skipped (popular ones); there is no isjunk.
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1])
        {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize])
        {
            bestsize++;
        }
        return (besti, bestj, bestsize);
    }
}
