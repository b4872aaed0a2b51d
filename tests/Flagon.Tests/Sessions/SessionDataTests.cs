using Flagon.Sessions;

namespace Flagon.Tests.Sessions;

/// <summary>The session dictionary's Flask flags: modified, accessed (incl. 'in' and len, Flask 3.1.3), permanent, null session.</summary>
public class SessionDataTests
{
    [Fact]
    public void FreshSessionIsUntouched()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["a"] = 1L });
        Assert.False(s.Modified);
        Assert.False(s.Accessed);
        Assert.False(s.New);
        Assert.False(s.IsNull);
    }

    [Fact]
    public void ReadsMarkAccessedOnly()
    {
        var reads = new Action<SessionData>[]
        {
            s => _ = s["a"],
            s => s.Get("a"),
            s => s.Get("missing"),
            s => s.TryGetValue("a", out _),
            s => s.ContainsKey("a"),
            s => _ = s.Count,
            s => _ = s.Keys,
            s => _ = s.Values,
            s => _ = s.ToList(),
            s => _ = s.Permanent,
        };
        foreach (var read in reads)
        {
            var s = new SessionData(new Dictionary<string, object?> { ["a"] = 1L });
            read(s);
            Assert.True(s.Accessed);
            Assert.False(s.Modified);
        }
    }

    [Fact]
    public void WritesMarkModifiedAndAccessed()
    {
        var writes = new Action<SessionData>[]
        {
            s => s["b"] = 2L,
            s => s["a"] = 1L, // same value still counts, as in Flask
            s => s.Add("b", 1L),
            s => s.Remove("a"),
            s => s.Pop("a"),
            s => s.SetDefault("b", 1L),
            s => s.Clear(),
            s => s.Update([new("c", 3L)]),
            s => s.Permanent = true,
        };
        foreach (var write in writes)
        {
            var s = new SessionData(new Dictionary<string, object?> { ["a"] = 1L });
            write(s);
            Assert.True(s.Modified);
            Assert.True(s.Accessed);
        }
    }

    [Fact]
    public void NoOpRemovalsDoNotMarkModified()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["a"] = 1L });
        Assert.False(s.Remove("missing"));
        Assert.Equal("dflt", s.Pop("missing", "dflt"));
        Assert.Equal(1L, s.SetDefault("a", 5L));
        Assert.False(s.Modified);
        Assert.True(s.Accessed);
    }

    [Fact]
    public void MissingKeysThrowLikeKeyError()
    {
        var s = new SessionData();
        Assert.Throws<KeyNotFoundException>(() => s["nope"]);
        Assert.Null(s.Get("nope"));
    }

    [Fact]
    public void PermanentIsTheUnderscorePermanentKey()
    {
        var s = new SessionData();
        Assert.False(s.Permanent);
        s.Permanent = true;
        Assert.Equal(true, s["_permanent"]);
        Assert.True(s.Permanent);
        s.Permanent = false;
        Assert.Equal(false, s["_permanent"]);
        Assert.True(new SessionData(new Dictionary<string, object?> { ["_permanent"] = 1L }).Permanent); // Python truthiness
    }

    [Fact]
    public void NullSessionReadsEmptyAndRefusesWrites()
    {
        var s = SessionData.CreateNull();
        Assert.True(s.IsNull);
        Assert.Empty(s);
        Assert.Null(s.Get("user_id"));
        Assert.False(s.ContainsKey("user_id"));
        Assert.False(s.Permanent);
        var writes = new Action[]
        {
            () => s["a"] = 1L,
            () => s.Remove("a"),
            () => s.Pop("a"),
            () => s.SetDefault("a"),
            () => s.Clear(),
            () => s.Update([]),
            () => s.Permanent = true,
        };
        foreach (var write in writes)
        {
            var e = Assert.Throws<InvalidOperationException>(write);
            Assert.Equal(
                "The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret.",
                e.Message);
        }
    }

    [Fact]
    public void NestedChangesNeedModifiedSetByHand()
    {
        var list = new List<object?> { 1L };
        var s = new SessionData(new Dictionary<string, object?> { ["l"] = list });
        ((List<object?>)s["l"]!).Add(2L);
        Assert.False(s.Modified);
        s.Modified = true;
        Assert.True(s.Modified);
    }

    [Fact]
    public void StorageViewLeavesFlagsAlone()
    {
        var s = new SessionData(new Dictionary<string, object?> { ["a"] = 1L });
        Assert.Single(s.GetItemsForStorage());
        Assert.False(s.Accessed);
    }
}
