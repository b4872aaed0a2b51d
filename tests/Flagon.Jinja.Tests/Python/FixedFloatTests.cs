using System.Globalization;
using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

/// <summary>
/// The fast fixed-point digits of <c>'%.Nf'</c> (128-bit scaled rounding, then .NET's "F" away from
/// ties) against the exact big-integer path: round(|x| × 10^N) half-even on the binary value.
/// </summary>
public class FixedFloatTests
{
    private static string Exact(double abs, int precision)
    {
        string s = PyFloat.ScaledRound(abs, precision).ToString(CultureInfo.InvariantCulture);
        if (precision == 0)
        {
            return s;
        }
        s = s.PadLeft(precision + 1, '0');
        return s[..^precision] + "." + s[^precision..];
    }

    private static void Check(double abs, int precision, List<string> failures, ref int fast)
    {
        Span<char> buffer = stackalloc char[48];
        if (!PyFloat.TryFormatFixed(abs, precision, buffer, out int written))
        {
            return;
        }
        fast++;
        string actual = buffer[..written].ToString();
        string expected = Exact(abs, precision);
        if (actual != expected)
        {
            failures.Add($"{abs.ToString("R", CultureInfo.InvariantCulture)} %.{precision}f: expected {expected} got {actual}");
        }
    }

    [Fact]
    public void Fast_digits_equal_the_exact_rounding()
    {
        var random = new Random(20261126);
        var failures = new List<string>();
        int fast = 0;
        int total = 0;
        for (int i = 0; i < 40_000; i++)
        {
            // Prices with a few decimals (many exact or near ties), and values spread over the exponents.
            double value = (i % 4) switch
            {
                0 => random.Next(0, 1_000_000) / 1000.0,
                1 => random.Next(0, 100_000) / 8.0,
                2 => random.NextDouble() * Math.Pow(10, random.Next(-12, 15)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x4330_0000_0000_0000)),
            };
            int precision = i % 16;
            total++;
            Check(value, precision, failures, ref fast);
            Check(value, 2, failures, ref fast);
        }
        foreach (double tie in new[] { 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1e14 + 0.5, 4503599627370495.5 / 8 })
        {
            for (int p = 0; p < 4; p++)
            {
                Check(tie, p, failures, ref fast);
            }
        }
        Assert.True(fast > total, $"fast path taken only {fast} times");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Ties_go_to_even_digits()
    {
        Span<char> buffer = stackalloc char[48];
        Assert.True(PyFloat.TryFormatFixed(0.125, 2, buffer, out int n));
        Assert.Equal("0.12", buffer[..n].ToString());
        Assert.True(PyFloat.TryFormatFixed(0.375, 2, buffer, out n));
        Assert.Equal("0.38", buffer[..n].ToString());
        Assert.True(PyFloat.TryFormatFixed(2.5, 0, buffer, out n));
        Assert.Equal("2", buffer[..n].ToString());
        Assert.True(PyFloat.TryFormatFixed(0.0001, 2, buffer, out n));
        Assert.Equal("0.00", buffer[..n].ToString());
        Assert.True(PyFloat.TryFormatFixed(2.675, 2, buffer, out n));
        Assert.Equal("2.67", buffer[..n].ToString());
    }
}
