using System.Globalization;
using System.Numerics;

namespace Flagon.Routing;

/// <summary>The <c>int</c> converter: digits (optionally signed) to a <see cref="long"/> (BigInteger when huge).</summary>
public class IntegerConverter : BaseConverter
{
    /// <summary>Creates the converter with Werkzeug's options.</summary>
    /// <param name="fixedDigits">When non-zero, the URL text must have exactly this many characters; building zero-pads.</param>
    /// <param name="min">The smallest accepted value (a long or double), or null.</param>
    /// <param name="max">The largest accepted value (a long or double), or null.</param>
    /// <param name="signed">Accept a leading minus sign.</param>
    public IntegerConverter(long fixedDigits = 0, object? min = null, object? max = null, bool signed = false)
    {
        FixedDigits = fixedDigits;
        Min = min;
        Max = max;
        Signed = signed;
        Regex = signed ? @"-?\d+" : @"\d+";
        Weight = 50;
        PartIsolating = true;
        EnableFastMatch();
    }

    /// <summary>The required number of characters, or 0.</summary>
    public long FixedDigits { get; }

    /// <summary>The minimum value, or null.</summary>
    public object? Min { get; }

    /// <summary>The maximum value, or null.</summary>
    public object? Max { get; }

    /// <summary>Whether negative values are accepted.</summary>
    public bool Signed { get; }

    /// <summary>Builds the converter from rule arguments: <c>fixed_digits</c>, <c>min</c>, <c>max</c>, <c>signed</c>.</summary>
    public static IntegerConverter Create(ConverterArguments arguments)
    {
        var a = arguments.Bind("int", "fixed_digits", "min", "max", "signed");
        return new IntegerConverter(
            UnicodeConverter.Given(a[0]) ? ConverterArguments.ToInt64(a[0], "fixed_digits") : 0,
            NumberArgument(a[1], "min"),
            NumberArgument(a[2], "max"),
            UnicodeConverter.Given(a[3]) && ConverterArguments.IsTruthy(a[3]));
    }

    internal static object? NumberArgument(object? value, string name) => value switch
    {
        _ when !UnicodeConverter.Given(value) => null,
        null => null,
        long or double or BigInteger => value,
        bool b => b ? 1L : 0L,
        _ => throw new ArgumentException($"Converter argument '{name}' must be a number, not {PyText.Str(value)}."),
    };

    /// <inheritdoc/>
    public override object? ToPython(string value)
    {
        if (!FastMatch(value) || !TryConvert(value, out var result))
        {
            throw new ValidationError();
        }
        return result;
    }

    /// <summary>Python's <c>str(int(value))</c>, zero-filled to <see cref="FixedDigits"/>.</summary>
    public override string ToUrl(object? value)
    {
        var text = NumberValues.ToInteger(value) switch
        {
            long l => l.ToString(CultureInfo.InvariantCulture),
            var other => ((BigInteger)other).ToString(CultureInfo.InvariantCulture),
        };
        return FixedDigits > 0 ? ZFill(text, FixedDigits) : text;
    }

    internal static string ZFill(string text, long width)
    {
        if (text.Length >= width)
        {
            return text;
        }
        var pad = new string('0', (int)(width - text.Length));
        return text.Length > 0 && (text[0] == '-' || text[0] == '+') ? text[0] + pad + text[1..] : pad + text;
    }

    internal override bool FastMatch(ReadOnlySpan<char> text)
    {
        var start = Signed && text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (text.Length == start)
        {
            return false;
        }
        for (var i = start; i < text.Length; i++)
        {
            if (!NumberValues.IsDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal override bool TryToPython(string source, int start, int length, out object? value)
        => TryConvert(source.AsSpan(start, length), out value);

    private bool TryConvert(ReadOnlySpan<char> text, out object? value)
    {
        value = null;
        if (FixedDigits != 0 && text.Length != FixedDigits)
        {
            return false;
        }
        var number = NumberValues.ParseInteger(text);
        if ((Min is not null && !NumberValues.IsNaN(Min) && NumberValues.Compare(number, Min) < 0)
            || (Max is not null && !NumberValues.IsNaN(Max) && NumberValues.Compare(number, Max) > 0))
        {
            return false;
        }
        value = number;
        return true;
    }
}
