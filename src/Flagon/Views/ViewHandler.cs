namespace Flagon.Views;

/// <summary>
/// The function a class-based view becomes (Flask's generated view function): called with the request's view
/// arguments, returning what a handler returns. <see cref="View.Decorators"/> wrap it.
/// </summary>
/// <param name="viewArgs">The converted rule variables of the request.</param>
public delegate ValueTask<object?> ViewHandler(IDictionary<string, object?> viewArgs);
