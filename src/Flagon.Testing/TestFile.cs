using System.Text;

namespace Flagon.Testing;

/// <summary>A file to upload with the test client (Werkzeug's <c>(fileobj, filename)</c> tuple).</summary>
public sealed class TestFile
{
    /// <summary>A file with binary content.</summary>
    public TestFile(byte[] content, string fileName, string? contentType = null)
    {
        Content = content;
        FileName = fileName;
        ContentType = contentType ?? "application/octet-stream";
    }

    /// <summary>A file with UTF-8 text content.</summary>
    public TestFile(string content, string fileName, string? contentType = null)
        : this(Encoding.UTF8.GetBytes(content), fileName, contentType)
    {
    }

    /// <summary>The bytes sent.</summary>
    public byte[] Content { get; }

    /// <summary>The file name sent.</summary>
    public string FileName { get; }

    /// <summary>The part's content type.</summary>
    public string ContentType { get; }
}
