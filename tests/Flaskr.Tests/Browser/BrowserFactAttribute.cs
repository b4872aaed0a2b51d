namespace Flaskr.Tests.Browser;

/// <summary>A fact that needs Chromium and chromedriver: reported as skipped, with the reason, when they are missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserSupport.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
