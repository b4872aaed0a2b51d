using Microsoft.AspNetCore.Http;

namespace Flagon;

/// <summary>Werkzeug's <c>FileStorage</c>: one uploaded file, over ASP.NET Core's <see cref="IFormFile"/>.</summary>
public class FileStorage
{
    /// <summary>Wraps an ASP.NET Core form file.</summary>
    public FileStorage(IFormFile file)
    {
        FormFile = file;
    }

    /// <summary>The underlying ASP.NET Core form file.</summary>
    public IFormFile FormFile { get; }

    /// <summary>The client's file name (untrusted; see <c>SecureFilename</c> patterns before using it as a path).</summary>
    public string FileName => FormFile.FileName;

    /// <summary>The form field name.</summary>
    public string Name => FormFile.Name;

    /// <summary>The full content type sent by the client.</summary>
    public string ContentType => FormFile.ContentType;

    /// <summary>The content type without parameters.</summary>
    public string MimeType => (FormFile.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The file's length in bytes.</summary>
    public long Length => FormFile.Length;

    /// <summary>Opens the file's content for reading.</summary>
    public Stream OpenReadStream() => FormFile.OpenReadStream();

    /// <summary>Reads the whole file.</summary>
    public byte[] Read()
    {
        using var stream = FormFile.OpenReadStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Saves the file to <paramref name="path"/>.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var target = File.Create(path);
        await FormFile.CopyToAsync(target, cancellationToken);
    }

    /// <summary>Saves the file to <paramref name="path"/> synchronously (Werkzeug's <c>save</c>).</summary>
    public void Save(string path)
    {
        using var target = File.Create(path);
        FormFile.CopyTo(target);
    }
}
