using System.Globalization;
using Flagon.Routing;

namespace Flagon.Tests.Routing;

/// <summary>The custom converters of Fixtures/generate.py, written in C#.</summary>
internal static class CustomConverters
{
    public static ConverterFactory Factory(string name) => name switch
    {
        "list" => _ => new ListConverter(),
        "even" => _ => new EvenConverter(),
        "regex" => args => new RegexConverter((string)args.Positional[0]!),
        "slashy" => _ => new SlashyConverter(),
        "upper" => _ => new UpperConverter(),
        _ => throw new ArgumentException(name),
    };

    /// <summary>Comma-separated lower-case words to and from a list.</summary>
    public sealed class ListConverter : BaseConverter
    {
        public ListConverter() => Regex = "[a-z]+(?:,[a-z]+)*";

        public override object? ToPython(string value) => value.Split(',').Cast<object?>().ToList();

        public override string ToUrl(object? value)
            => string.Join(",", ((IEnumerable<object?>)value!).Select(base.ToUrl));
    }

    /// <summary>Digits; odd numbers are rejected.</summary>
    public sealed class EvenConverter : BaseConverter
    {
        public EvenConverter()
        {
            Regex = @"\d+";
            Weight = 50;
        }

        public override object? ToPython(string value)
        {
            var n = long.Parse(value, CultureInfo.InvariantCulture);
            return n % 2 != 0 ? throw new ValidationError() : n;
        }

        public override string ToUrl(object? value)
        {
            var n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            return n % 2 != 0 ? throw new ValidationError() : n.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The regex is the first rule argument.</summary>
    public sealed class RegexConverter : BaseConverter
    {
        public RegexConverter(string regex) => Regex = regex;

        public override object? ToPython(string value) => value;
    }

    /// <summary>Two words joined by a slash (not part-isolating: inferred from the regex).</summary>
    public sealed class SlashyConverter : BaseConverter
    {
        public SlashyConverter() => Regex = "[a-z]+/[a-z]+";

        public override object? ToPython(string value) => value.ToUpperInvariant();

        public override string ToUrl(object? value) => ((string)value!).ToLowerInvariant();
    }

    /// <summary>Any segment, upper-cased on the way in, lower-cased on the way out.</summary>
    public sealed class UpperConverter : BaseConverter
    {
        public override object? ToPython(string value) => value.ToUpperInvariant();

        public override string ToUrl(object? value) => base.ToUrl(((string)value!).ToLowerInvariant());
    }
}
