using System.Globalization;

namespace Flagon.Routing;

/// <summary>The <c>float</c> converter: <c>digits.digits</c> (a dot is required) to a <see cref="double"/>.</summary>
public class FloatConverter : BaseConverter
{
    /// <summary>Creates the converter with Werkzeug's options.</summary>
    /// <param name="min">The smallest accepted value, or null.</param>
    /// <param name="max">The largest accepted value, or null.</param>
    /// <param name="signed">Accept a leading minus sign.</param>
    public FloatConverter(object? min = null, object? max = null, bool signed = false)
    {
        Min = min;
        Max = max;
        Signed = signed;
        Regex = signed ? @"-?\d+\.\d+" : @"\d+\.\d+";
        Weight = 50;
        PartIsolating = true;
        EnableFastMatch();
    }

    /// <summary>The minimum value, or null.</summary>
    public object? Min { get; }

    /// <summary>The maximum value, or null.</summary>
    public object? Max { get; }

    /// <summary>Whether negative values are accepted.</summary>
    public bool Signed { get; }

    /// <summary>Builds the converter from rule arguments: <c>min</c>, <c>max</c>, <c>signed</c>.</summary>
    public static FloatConverter Create(ConverterArguments arguments)
    {
        var a = arguments.Bind("float", "min", "max", "signed");
        return new FloatConverter(
            IntegerConverter.NumberArgument(a[0], "min"),
            IntegerConverter.NumberArgument(a[1], "max"),
            UnicodeConverter.Given(a[2]) && ConverterArguments.IsTruthy(a[2]));
    }

    /// <inheritdoc/>
    public override object? ToPython(string value)
    {
        if (!FastMatch(value) || !TryConvert(value, out var result))
        {
            throw new ValidationError();
        }
        return result;
    }

    /// <summary>
    /// Werkzeug 3.2's <c>f"{float(value):f}".rstrip("0")</c> (no scientific notation; <c>2.0</c> gives <c>2.</c>).
    /// Werkzeug 2.2 used <c>str(float(value))</c>.
    /// </summary>
    public override string ToUrl(object? value)
    {
        var number = NumberValues.ToDouble(value);
        if (double.IsNaN(number))
        {
            return "nan";
        }
        if (double.IsInfinity(number))
        {
            return number > 0 ? "inf" : "-inf";
        }
        return number.ToString("F6", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    internal override bool FastMatch(ReadOnlySpan<char> text)
    {
        var i = Signed && text.Length > 0 && text[0] == '-' ? 1 : 0;
        var intDigits = 0;
        while (i < text.Length && NumberValues.IsDigit(text[i]))
        {
            i++;
            intDigits++;
        }
        if (intDigits == 0 || i >= text.Length || text[i] != '.')
        {
            return false;
        }
        i++;
        var fracDigits = 0;
        while (i < text.Length && NumberValues.IsDigit(text[i]))
        {
            i++;
            fracDigits++;
        }
        return fracDigits > 0 && i == text.Length;
    }

    internal override bool TryToPython(string source, int start, int length, out object? value)
        => TryConvert(source.AsSpan(start, length), out value);

    private bool TryConvert(ReadOnlySpan<char> text, out object? value)
    {
        value = null;
        double number;
        if (IsAscii(text))
        {
            number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else
        {
            number = double.Parse(ConverterArguments.AsciiDigits(text.ToString()), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if ((Min is not null && !NumberValues.IsNaN(Min) && NumberValues.Compare(number, Min) < 0)
            || (Max is not null && !NumberValues.IsNaN(Max) && NumberValues.Compare(number, Max) > 0))
        {
            return false;
        }
        value = number;
        return true;
    }

    private static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 127)
            {
                return false;
            }
        }
        return true;
    }
}
