using System.Linq.Expressions;
using System.Reflection;
using System.Security.Claims;
using Flagon.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon;

/// <summary>
/// Binds a handler once, at registration: each parameter gets a precomputed source (route value by name,
/// request objects by type, else a DI service) and the call itself is a compiled expression, so a request
/// pays for dictionary look-ups only, never reflection.
/// </summary>
internal static class HandlerBinder
{
    private static readonly MethodInfo _awaitTask = typeof(HandlerBinder).GetMethod(nameof(AwaitTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo _awaitValueTask = typeof(HandlerBinder).GetMethod(nameof(AwaitValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Compiles an invoker for <paramref name="method"/>; <paramref name="target"/> gives the instance (null for static methods).</summary>
    public static Func<FlagonRequest, IDictionary<string, object?>?, ValueTask<object?>> Compile(MethodInfo method, Func<FlagonRequest, object?> target, string endpoint)
    {
        var parameters = method.GetParameters();
        var getters = parameters.Select(p => MakeGetter(p, method, endpoint)).ToArray();

        var targetParam = Expression.Parameter(typeof(object), "target");
        var argsParam = Expression.Parameter(typeof(object?[]), "args");
        var callArgs = parameters.Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(argsParam, Expression.Constant(i)), p.ParameterType)).ToArray();
        Expression call = method.IsStatic
            ? Expression.Call(method, callArgs)
            : Expression.Call(Expression.Convert(targetParam, method.DeclaringType!), method, callArgs);
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null, typeof(object)))
            : Expression.Convert(call, typeof(object));
        var invoker = Expression.Lambda<Func<object?, object?[], object?>>(body, targetParam, argsParam).Compile();
        var finish = MakeFinisher(method.ReturnType);

        var isStatic = method.IsStatic;
        if (getters.Length == 0)
        {
            // Nothing to bind: the invoker reads no argument, so one empty array serves every call.
            return (request, _) => finish(invoker(isStatic ? null : target(request), []));
        }

        return (request, viewArgs) =>
        {
            var args = new object?[getters.Length];
            for (var i = 0; i < getters.Length; i++)
            {
                args[i] = getters[i](request, viewArgs);
            }

            var result = invoker(isStatic ? null : target(request), args);
            return finish(result);
        };
    }

    private static Func<object?, ValueTask<object?>> MakeFinisher(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return async r =>
            {
                await (Task)r!;
                return null;
            };
        }

        if (returnType == typeof(ValueTask))
        {
            return async r =>
            {
                await (ValueTask)r!;
                return null;
            };
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return _awaitTask.MakeGenericMethod(returnType.GetGenericArguments()[0]).CreateDelegate<Func<object?, ValueTask<object?>>>();
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return _awaitValueTask.MakeGenericMethod(returnType.GetGenericArguments()[0]).CreateDelegate<Func<object?, ValueTask<object?>>>();
        }

        return r => ValueTask.FromResult(r);
    }

    private static async ValueTask<object?> AwaitTask<T>(object? task) => await (Task<T>)task!;

    private static async ValueTask<object?> AwaitValueTask<T>(object? task) => await (ValueTask<T>)task!;

    private static bool IsNumber(object? value) => value is long or int or double or decimal or System.Numerics.BigInteger;

    private static bool IsNumericType(Type type) => Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static Func<FlagonRequest, IDictionary<string, object?>?, object?> MakeGetter(ParameterInfo parameter, MethodInfo method, string endpoint)
    {
        var name = parameter.Name ?? string.Empty;
        var type = parameter.ParameterType;
        var special = SpecialSource(type);
        if (special is not null)
        {
            return (request, _) => special(request);
        }

        var hasDefault = parameter.HasDefaultValue;
        var defaultValue = hasDefault ? parameter.DefaultValue : null;
        var nullable = Nullable.GetUnderlyingType(type) is not null
            || (!type.IsValueType && new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable);
        var simple = IsSimple(type);
        return (request, viewArgs) =>
        {
            if (viewArgs is not null && viewArgs.TryGetValue(name, out var value))
            {
                if (ValueConversion.TryConvert(value, type, out var converted))
                {
                    return converted;
                }

                if (IsNumber(value) && IsNumericType(Nullable.GetUnderlyingType(type) ?? type))
                {
                    // /post/99999999999999999999 for an `int id`: Werkzeug's int converter with a `max`
                    // answers 404 for a number out of range, and no such resource can exist.
                    throw new NotFound();
                }

                throw new InvalidOperationException($"The value {value ?? "null"} of route variable '{name}' cannot be converted to {type.Name} for the view function of endpoint '{endpoint}'.");
            }

            if (!simple)
            {
                var service = request.HttpContext.RequestServices?.GetService(type);
                if (service is not null)
                {
                    return service;
                }
            }

            if (hasDefault)
            {
                return defaultValue;
            }

            if (!simple && nullable)
            {
                return null;
            }

            throw new InvalidOperationException(simple
                ? $"{method.Name}() missing 1 required argument: '{name}' (no route variable or default for it; endpoint '{endpoint}')."
                : $"No service for type '{type.FullName}' has been registered (parameter '{name}' of {method.Name}(), endpoint '{endpoint}').");
        };
    }

    private static Func<FlagonRequest, object?>? SpecialSource(Type type)
    {
        if (type == typeof(FlagonRequest))
        {
            return r => r;
        }

        if (type == typeof(HttpContext))
        {
            return r => r.HttpContext;
        }

        if (type == typeof(HttpRequest))
        {
            return r => r.HttpContext.Request;
        }

        if (type == typeof(HttpResponse))
        {
            return r => r.HttpContext.Response;
        }

        if (type == typeof(CancellationToken))
        {
            return r => r.HttpContext.RequestAborted;
        }

        if (type == typeof(ClaimsPrincipal))
        {
            return r => r.HttpContext.User;
        }

        if (typeof(FlagonApp).IsAssignableFrom(type))
        {
            return r => r.App;
        }

        if (type == typeof(AppGlobals))
        {
            return _ => Globals.G;
        }

        if (type == typeof(IServiceProvider))
        {
            return r => r.HttpContext.RequestServices;
        }

        return null;
    }

    internal static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(TimeSpan);
    }
}
