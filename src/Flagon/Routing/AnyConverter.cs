namespace Flagon.Routing;

/// <summary>The <c>any(a, b, ...)</c> converter: matches exactly one of the given items.</summary>
public class AnyConverter : BaseConverter
{
    private readonly HashSet<string> _items;

    /// <summary>Creates the converter for the given items.</summary>
    public AnyConverter(IEnumerable<string> items)
    {
        var list = items.ToList();
        Items = list;
        _items = new HashSet<string>(list, StringComparer.Ordinal);
        Regex = "(?:" + string.Join("|", list.Select(System.Text.RegularExpressions.Regex.Escape)) + ")";
        PartIsolating = true;
        EnableFastMatch();
    }

    /// <summary>The accepted items, in rule order.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>Builds the converter from rule arguments: every positional argument is an item.</summary>
    public static AnyConverter Create(ConverterArguments arguments)
    {
        if (arguments.Keyword.Count > 0)
        {
            throw new ArgumentException(
                $"Converter 'any' got an unexpected keyword argument '{arguments.Keyword.Keys.First()}'.");
        }
        return new AnyConverter(arguments.Positional.Select(PyText.Str));
    }

    /// <inheritdoc/>
    public override object? ToPython(string value) => value;

    /// <summary>Returns the value when it is one of the items; otherwise throws like Werkzeug's ValueError.</summary>
    /// <exception cref="ArgumentException">The value is not one of the items.</exception>
    public override string ToUrl(object? value)
    {
        if (value is string s && _items.Contains(s))
        {
            return s;
        }
        var valid = string.Join(", ", _items.Order(StringComparer.Ordinal).Select(item => $"'{item}'"));
        throw new ArgumentException($"'{PyText.Str(value)}' is not one of {valid}");
    }

    internal override bool FastMatch(ReadOnlySpan<char> text)
        => _items.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);

    internal override bool TryToPython(string source, int start, int length, out object? value)
    {
        value = source.Substring(start, length);
        return true;
    }
}
