namespace Flagon.Routing;

/// <summary>The <c>path</c> converter: like <c>string</c> but also matches slashes (the rest of the path).</summary>
public class PathConverter : BaseConverter
{
    /// <summary>Creates the converter (regex <c>[^/].*?</c>, weight 200, not part-isolating).</summary>
    public PathConverter()
    {
        Regex = "[^/].*?";
        Weight = 200;
        PartIsolating = false;
        EnableFastMatch();
    }

    /// <summary>Builds the converter from rule arguments (it takes none).</summary>
    public static PathConverter Create(ConverterArguments arguments)
    {
        arguments.Bind("path");
        return new PathConverter();
    }

    /// <inheritdoc/>
    public override object? ToPython(string value) => value;

    internal override bool FastMatch(ReadOnlySpan<char> text)
        => text.Length >= 1 && text[0] != '/' && !text[1..].Contains('\n');

    internal override bool TryToPython(string source, int start, int length, out object? value)
    {
        value = start == 0 && length == source.Length ? source : source.Substring(start, length);
        return true;
    }
}
