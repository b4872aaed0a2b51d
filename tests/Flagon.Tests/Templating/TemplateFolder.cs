namespace Flagon.Tests.Templating;

/// <summary>An app rooted in a fresh temporary folder with a <c>templates/</c> folder the test writes into.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public TemplateFolder(bool testing = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "flagon-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "templates"));
        App = TestApps.New(testing, Root);
    }

    public string Root { get; }

    public FlagonApp App { get; }

    public TemplateFolder Write(string name, string text)
    {
        var path = Path.Combine(Root, "templates", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Dispose()
    {
        App.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
