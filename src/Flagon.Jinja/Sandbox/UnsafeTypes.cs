using System.Reflection;

namespace Flagon.Jinja.Sandbox;

/// <summary>
/// The .NET objects a sandboxed template never touches, whatever the attribute name: reflection
/// (<see cref="Type"/>, <see cref="MemberInfo"/>, <see cref="Assembly"/>, <see cref="Module"/>), delegates,
/// and everything under the namespaces of processes, files, threads and tasks, networking, security,
/// interop and code generation, plus service providers and the engine's environment.
/// </summary>
internal static class UnsafeTypes
{
    private static readonly string[] UnsafeNamespaces =
    [
        "System.Reflection", "System.Runtime", "System.Diagnostics", "System.IO", "System.Threading",
        "System.Net", "System.Security", "System.Linq.Expressions", "System.CodeDom", "System.Resources",
        "Microsoft.Win32", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.FileProviders",
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Cache = new();

    /// <summary>True when a template may not read from, see or call <paramref name="value"/>.</summary>
    public static bool IsUnsafe(object? value) => value is not null && value is not (string or long or double or bool)
        && Cache.GetOrAdd(value.GetType(), static t => IsUnsafeType(t));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), bool> Hidden = new();

    /// <summary>
    /// True when <paramref name="obj"/>'s .NET type has a member called <paramref name="name"/> that templates
    /// cannot read (a method such as <c>GetType</c>, a static, non-public or write-only member): the
    /// sandbox reports those as unsafe instead of missing. Python values match the exact name only;
    /// other objects also the PascalCase and underscore-free spellings, as reading them does.
    /// </summary>
    public static bool HasHiddenMember(object obj, string name)
    {
        if (name.Length == 0 || name.Length > 200)
        {
            return false;
        }
        var key = (obj.GetType(), name);
        if (Hidden.TryGetValue(key, out bool known))
        {
            return known;
        }
        bool hidden = FindHidden(key);
        if (Hidden.Count < 4096)
        {
            Hidden.TryAdd(key, hidden);
        }
        return hidden;

        static bool FindHidden((Type, string) key)
        {
            var (type, n) = key;
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
            if (type.GetMember(n, all).Length > 0)
            {
                return true;
            }
            bool pythonValue = type == typeof(string) || type == typeof(long) || type == typeof(double) || type == typeof(bool)
                || type == typeof(List<object?>) || type == typeof(Runtime.PyDict) || type == typeof(Runtime.PyTuple)
                || type == typeof(Runtime.Markup) || type == typeof(System.Numerics.BigInteger);
            if (pythonValue)
            {
                return false;
            }
            string folded = n.Replace("_", "", StringComparison.Ordinal);
            return folded.Length > 0 && type.GetMembers(all).Any(m => string.Equals(m.Name.Replace("_", "", StringComparison.Ordinal), folded, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static bool IsUnsafeType(Type t)
    {
        if (typeof(MemberInfo).IsAssignableFrom(t) || typeof(Assembly).IsAssignableFrom(t) || typeof(Module).IsAssignableFrom(t)
            || typeof(ParameterInfo).IsAssignableFrom(t) || typeof(Delegate).IsAssignableFrom(t)
            || typeof(IServiceProvider).IsAssignableFrom(t) || typeof(JinjaEnvironment).IsAssignableFrom(t)
            || typeof(AppDomain).IsAssignableFrom(t) || typeof(IAsyncResult).IsAssignableFrom(t)
            || t == typeof(RuntimeTypeHandle) || t == typeof(RuntimeMethodHandle) || t == typeof(RuntimeFieldHandle)
            || t == typeof(ModuleHandle))
        {
            return true;
        }
        for (var x = t; x is not null && x != typeof(object); x = x.BaseType)
        {
            if (IsUnsafeNamespace(x))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnsafeNamespace(Type t)
    {
        string? ns = t.Namespace;
        if (ns is null)
        {
            return false;
        }
        foreach (var prefix in UnsafeNamespaces)
        {
            if (ns.StartsWith(prefix, StringComparison.Ordinal) && (ns.Length == prefix.Length || ns[prefix.Length] == '.'))
            {
                return true;
            }
        }
        return false;
    }
}
