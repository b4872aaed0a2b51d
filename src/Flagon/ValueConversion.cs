using System.ComponentModel;
using System.Globalization;

namespace Flagon;

/// <summary>Converts route values, query values and defaults to handler parameter types.</summary>
internal static class ValueConversion
{
    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>; false when it cannot.</summary>
    public static bool TryConvert(object? value, Type target, out object? result)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            result = null;
            return !target.IsValueType || underlying is not null;
        }

        var type = underlying ?? target;
        if (type.IsInstanceOfType(value))
        {
            result = value;
            return true;
        }

        try
        {
            if (value is string text)
            {
                if (type == typeof(Guid))
                {
                    result = Guid.Parse(text);
                    return true;
                }

                if (type.IsEnum)
                {
                    result = Enum.Parse(type, text, ignoreCase: true);
                    return true;
                }

                if (type == typeof(bool))
                {
                    result = bool.Parse(text);
                    return true;
                }

                if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
                {
                    result = Convert.ChangeType(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture);
                    return true;
                }

                if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
                {
                    result = Convert.ChangeType(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture);
                    return true;
                }

                var converter = TypeDescriptor.GetConverter(type);
                if (converter.CanConvertFrom(typeof(string)))
                {
                    result = converter.ConvertFromInvariantString(text);
                    return true;
                }
            }

            if (type == typeof(string))
            {
                result = Convert.ToString(value, CultureInfo.InvariantCulture);
                return true;
            }

            if (value is System.Numerics.BigInteger big && (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(double) || type == typeof(decimal)))
            {
                result = type == typeof(double) ? (double)big : Convert.ChangeType((decimal)big, type, CultureInfo.InvariantCulture);
                return true;
            }

            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
            {
                result = Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException or NotSupportedException)
        {
        }

        result = null;
        return false;
    }
}
