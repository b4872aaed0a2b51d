namespace Flagon.Routing;

/// <summary>Creates a converter from the arguments written in a rule, e.g. <c>&lt;int(min=1):id&gt;</c>.</summary>
/// <param name="arguments">The parsed converter arguments (positional and keyword, Python literal syntax).</param>
public delegate BaseConverter ConverterFactory(ConverterArguments arguments);
