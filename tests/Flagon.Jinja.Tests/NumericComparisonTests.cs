namespace Flagon.Jinja.Tests;

/// <summary>
/// Comparisons of ints and floats take a short path (IEEE comparisons, ints converted only when exact);
/// expected values from Jinja2 3.1.2, including ints past 2^53 where a float conversion would round.
/// </summary>
public class NumericComparisonTests
{
    [Fact]
    public void Ints_and_floats_compare_as_in_python()
    {
        var vars = new Dictionary<string, object?>
        {
            ["n"] = (1L << 53) + 1,
            ["f"] = 9007199254740992.0,
            ["nan"] = double.NaN,
            ["m"] = -((1L << 53) + 1),
        };
        Assert.Equal(
            "True True True True False True False True False False True True True False True",
            TestUtil.Render(
                "{{ 1 < 2.5 }} {{ 3 <= 3.0 }} {{ 2.5 > 2 }} {{ 1 == 1.0 }} {{ 1 != 1.0 }} {{ n > f }} {{ n == f }} {{ f < n }} {{ nan < 1 }} {{ nan >= 1 }} {{ nan != nan }} {{ -0.0 == 0 }} {{ m < -f }} {{ 5 < 3 }} {{ 19.99 < 20 }}",
                vars));
    }

    [Fact]
    public void Chained_and_mixed_comparisons()
    {
        Assert.Equal("True False True", TestUtil.Render("{{ 1 < 2.0 < 3 }} {{ 1 < 2 > 3 }} {{ 2 >= 2 }}"));
        Assert.Equal("'<' not supported between instances of 'int' and 'str'",
            Assert.Throws<PythonError>(() => TestUtil.Render("{{ 1 < 'a' }}")).BareMessage);
    }
}
