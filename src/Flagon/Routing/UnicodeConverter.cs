using System.Globalization;

namespace Flagon.Routing;

/// <summary>The default <c>string</c> converter: one path segment, with optional length limits.</summary>
public class UnicodeConverter : BaseConverter
{
    private readonly long _min;
    private readonly long _max;

    /// <summary>Creates the converter; <paramref name="length"/> wins over the min/max pair.</summary>
    public UnicodeConverter(long minLength = 1, long? maxLength = null, long? length = null)
    {
        if (length is { } exact)
        {
            Regex = "[^/]{" + exact.ToString(CultureInfo.InvariantCulture) + "}";
            _min = exact;
            _max = exact;
        }
        else
        {
            Regex = "[^/]{" + minLength.ToString(CultureInfo.InvariantCulture) + ","
                + (maxLength?.ToString(CultureInfo.InvariantCulture) ?? "") + "}";
            _min = minLength;
            _max = maxLength ?? long.MaxValue;
        }
        MinLength = _min;
        MaxLength = maxLength;
        Length = length;
        PartIsolating = true;
        EnableFastMatch();
    }

    /// <summary>The minimum length in characters (code points).</summary>
    public long MinLength { get; }

    /// <summary>The maximum length, if any.</summary>
    public long? MaxLength { get; }

    /// <summary>The exact length, if any.</summary>
    public long? Length { get; }

    /// <summary>Builds the converter from rule arguments: <c>minlength</c>, <c>maxlength</c>, <c>length</c>.</summary>
    public static UnicodeConverter Create(ConverterArguments arguments)
    {
        var a = arguments.Bind("string", "minlength", "maxlength", "length");
        var min = Given(a[0]) ? ConverterArguments.ToInt64(a[0], "minlength") : 1;
        long? max = Given(a[1]) && a[1] is not null ? ConverterArguments.ToInt64(a[1], "maxlength") : null;
        long? length = Given(a[2]) && a[2] is not null ? ConverterArguments.ToInt64(a[2], "length") : null;
        return new UnicodeConverter(min, max, length);
    }

    internal static bool Given(object? value) => !ReferenceEquals(value, ConverterArguments.Missing);

    /// <inheritdoc/>
    public override object? ToPython(string value) => value;

    internal override bool FastMatch(ReadOnlySpan<char> text)
    {
        if (text.Contains('/'))
        {
            return false;
        }
        long count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }
        return count >= _min && count <= _max;
    }

    internal override bool TryToPython(string source, int start, int length, out object? value)
    {
        value = start == 0 && length == source.Length ? source : source.Substring(start, length);
        return true;
    }
}
