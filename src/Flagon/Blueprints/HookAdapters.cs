using Flagon.Exceptions;

namespace Flagon.Blueprints;

/// <summary>Turns the sync and async hook shapes of the public API into the pipeline's ValueTask-returning delegates.</summary>
internal static class HookAdapters
{
    public static Func<ValueTask<object?>> Before(Func<object?> hook) => () => ValueTask.FromResult(hook());

    public static Func<ValueTask<object?>> Before(Action hook) => () =>
    {
        hook();
        return ValueTask.FromResult<object?>(null);
    };

    public static Func<ValueTask<object?>> Before(Func<Task<object?>> hook) => async () => await hook();

    public static Func<ValueTask<object?>> Before(Func<Task> hook) => async () =>
    {
        await hook();
        return null;
    };

    public static Func<Response, ValueTask<Response>> After(Func<Response, Response> hook) => r => ValueTask.FromResult(hook(r));

    public static Func<Response, ValueTask<Response>> After(Func<Response, Task<Response>> hook) => async r => await hook(r);

    public static Func<Exception?, ValueTask> Teardown(Action<Exception?> hook) => e =>
    {
        hook(e);
        return ValueTask.CompletedTask;
    };

    public static Func<Exception?, ValueTask> Teardown(Func<Exception?, Task> hook) => async e => await hook(e);

    public static Func<Exception, ValueTask<object?>> Error<TException>(Func<TException, object?> handler)
        where TException : Exception
        => e => ValueTask.FromResult(handler((TException)e));

    public static Func<Exception, ValueTask<object?>> Error<TException>(Func<TException, Task<object?>> handler)
        where TException : Exception
        => async e => await handler((TException)e);

    public static Type TypeFor(int code)
        => HttpExceptions.TypeFor(code) ?? throw new KeyNotFoundException($"'{code}' is not a recognized HTTP error code. Use a subclass of HttpException with that code instead.");
}
