namespace Flagon.Exceptions;

/// <summary>Werkzeug's <c>default_exceptions</c> and <c>Aborter</c>: the exception class for each status code.</summary>
public static class HttpExceptions
{
    private static readonly Dictionary<int, Func<string?, HttpException>> _factories = new()
    {
        [400] = d => new BadRequest(d),
        [401] = d => new Unauthorized(d),
        [403] = d => new Forbidden(d),
        [404] = d => new NotFound(d),
        [405] = d => new MethodNotAllowed(null, d),
        [406] = d => new NotAcceptable(d),
        [408] = d => new RequestTimeout(d),
        [409] = d => new Conflict(d),
        [410] = d => new Gone(d),
        [411] = d => new LengthRequired(d),
        [412] = d => new PreconditionFailed(d),
        [413] = d => new RequestEntityTooLarge(d),
        [414] = d => new RequestUriTooLarge(d),
        [415] = d => new UnsupportedMediaType(d),
        [416] = d => new RequestedRangeNotSatisfiable(d),
        [417] = d => new ExpectationFailed(d),
        [418] = d => new ImATeapot(d),
        [421] = d => new MisdirectedRequest(d),
        [422] = d => new UnprocessableEntity(d),
        [423] = d => new Locked(d),
        [424] = d => new FailedDependency(d),
        [428] = d => new PreconditionRequired(d),
        [429] = d => new TooManyRequests(d),
        [431] = d => new RequestHeaderFieldsTooLarge(d),
        [451] = d => new UnavailableForLegalReasons(d),
        [500] = d => new InternalServerError(d),
        [501] = d => new NotImplemented(d),
        [502] = d => new BadGateway(d),
        [503] = d => new ServiceUnavailable(d),
        [504] = d => new GatewayTimeout(d),
        [505] = d => new HttpVersionNotSupported(d),
    };

    private static readonly Dictionary<Type, int> _codes = _factories.ToDictionary(kv => kv.Value(null).GetType(), kv => kv.Key);

    /// <summary>The status codes that have an exception class.</summary>
    public static IEnumerable<int> Codes => _factories.Keys;

    /// <summary>Creates the exception for <paramref name="code"/>; an unknown code is a <see cref="KeyNotFoundException"/> ("no exception for 999"), as Werkzeug's LookupError.</summary>
    public static HttpException Create(int code, string? description = null)
        => _factories.TryGetValue(code, out var factory) ? factory(description) : throw new KeyNotFoundException($"no exception for {code}");

    /// <summary>The exception class registered for <paramref name="code"/>, or null.</summary>
    public static Type? TypeFor(int code) => _factories.TryGetValue(code, out var factory) ? factory(null).GetType() : null;

    /// <summary>The status code of an exception class (walking up to a built-in class), or null for others.</summary>
    public static int? CodeOf(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (_codes.TryGetValue(t, out var code))
            {
                return code;
            }
        }

        return null;
    }
}
