namespace Flagon.Routing;

/// <summary>The <c>uuid</c> converter: an 8-4-4-4-12 hex UUID (either case) to a <see cref="Guid"/>.</summary>
public class UuidConverter : BaseConverter
{
    /// <summary>Creates the converter.</summary>
    public UuidConverter()
    {
        Regex = "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
        PartIsolating = true;
        EnableFastMatch();
    }

    /// <summary>Builds the converter from rule arguments (it takes none).</summary>
    public static UuidConverter Create(ConverterArguments arguments)
    {
        arguments.Bind("uuid");
        return new UuidConverter();
    }

    /// <inheritdoc/>
    public override object? ToPython(string value)
    {
        if (!FastMatch(value))
        {
            throw new ValidationError();
        }
        return Guid.ParseExact(value, "D");
    }

    /// <summary>Python's <c>str(value)</c>: a Guid in lower-case 8-4-4-4-12 form; other values as their text.</summary>
    public override string ToUrl(object? value) => value is Guid g ? g.ToString("D") : PyText.Str(value);

    internal override bool FastMatch(ReadOnlySpan<char> text)
    {
        if (text.Length != 36)
        {
            return false;
        }
        for (var i = 0; i < 36; i++)
        {
            var c = text[i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    internal override bool TryToPython(string source, int start, int length, out object? value)
    {
        value = Guid.ParseExact(source.AsSpan(start, length), "D");
        return true;
    }
}
