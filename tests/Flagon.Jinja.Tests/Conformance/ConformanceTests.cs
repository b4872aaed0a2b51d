using Xunit.Abstractions;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>
/// Replays the fixtures recorded from Jinja2 3.1.2 (tests/Flagon.Jinja.Tests/Fixtures) against
/// the engine: one theory row per case, shown by its name. Cases listed in known-failures.txt are
/// left out unless <c>FLAGON_CONFORMANCE_ALL=1</c>, so the suite stays green while the engine
/// grows; the list only ever shrinks. See <see cref="CaseVerdict"/> for what is compared.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(60);

    private static bool RunAll => Environment.GetEnvironmentVariable("FLAGON_CONFORMANCE_ALL") == "1";

    public static IEnumerable<object[]> Cases()
    {
        // run-all.sh names the cases already done (or that crashed the process) in this file.
        string? excludeFile = Environment.GetEnvironmentVariable("FLAGON_CONFORMANCE_EXCLUDE");
        var exclude = !string.IsNullOrEmpty(excludeFile) && File.Exists(excludeFile)
            ? File.ReadLines(excludeFile).ToHashSet(StringComparer.Ordinal)
            : [];
        return FixtureSet.Cases.Values
            .Where(c => RunAll || !FixtureSet.KnownFailures.Contains(c.Name))
            .Where(c => !exclude.Contains(c.Name))
            .Select(c => new object[] { c.Name });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string name)
    {
        var c = FixtureSet.Cases[name];
        ConformanceReport.Start(c);
        var render = Task.Run(() => ConformanceEngine.Run(c));
        using var guard = new CancellationTokenSource();
        var finished = await Task.WhenAny(render, Task.Delay(s_hangGuard, guard.Token));
        await guard.CancelAsync();
        if (finished != render)
        {
            var hang = new CaseVerdict(false, "no result (hang guard)", null, []);
            ConformanceReport.Record(c, hang);
            Assert.Fail($"{name}: rendering gave no result within {s_hangGuard.TotalSeconds} s (endless loop?)");
        }
        var verdict = CaseVerdict.Judge(c, await render);
        ConformanceReport.Record(c, verdict);
        foreach (string note in verdict.Notes)
        {
            output.WriteLine("note: " + note);
        }
        if (!verdict.Passed)
        {
            Assert.Fail($"{name} ({c.File}): {verdict.Cause}\ntemplate: {CaseVerdict.Show(c.Template)}\n{verdict.Detail}");
        }
    }

    [Fact]
    public void FixturesAreLoadedFromEveryArea()
    {
        Assert.True(FixtureSet.Cases.Count >= 1000, $"only {FixtureSet.Cases.Count} fixture cases found");
        Assert.Contains(FixtureSet.Cases.Values, c => c.Area == "for");
        Assert.Contains(FixtureSet.Cases.Values, c => c.Area == "filters_list");
        Assert.All(FixtureSet.Cases.Values, c => Assert.True(
            (c.Expected is null) != (c.Error is null), $"{c.Name}: needs exactly one of expected and error"));
    }

    [Fact]
    public void KnownFailuresNameRealCases()
    {
        var unknown = FixtureSet.KnownFailures.Where(n => !FixtureSet.Cases.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0, "known-failures.txt names cases that do not exist: " + string.Join(", ", unknown));
    }
}
