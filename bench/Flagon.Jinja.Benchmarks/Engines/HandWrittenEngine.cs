using System.Globalization;
using Flagon.Jinja.Benchmarks.Model;
using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>The floor: the three pages written as straight C# against a TextWriter, with markupsafe
/// escaping and Jinja's truncate semantics. No engine can be faster than this.</summary>
public sealed class HandWrittenEngine(BenchData data) : ITemplateEngine
{
    public string Name => "HandWritten";

    public string Render(Workload workload)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Render(workload, writer);
        return writer.ToString();
    }

    public void Render(Workload workload, TextWriter writer)
    {
        switch (workload)
        {
            case Workload.Product:
                RenderProducts(data.Products, writer);
                break;
            case Workload.Fortunes:
                RenderFortunes(data.Fortunes, writer);
                break;
            case Workload.Page:
                RenderPage(data.Page, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(workload));
        }
    }

    public object? ParsePage() => null;

    private static void RenderProducts(ProductPage model, TextWriter w)
    {
        var products = model.Products;
        w.Write("<!DOCTYPE html>\n<html>\n<head><title>Products</title></head>\n<body>\n<h1>");
        WriteInt(w, products.Count);
        w.Write(" products</h1>\n<ul id=\"products\">\n");
        Span<char> number = stackalloc char[32];
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i];
            w.Write(product.Featured ? "\n<li class=\"featured\">\n<h2>" : "\n<li class=\"regular\">\n<h2>");
            WriteInt(w, i + 1);
            w.Write(". ");
            WriteUpper(w, product.Name);
            w.Write("</h2>\n<p class=\"price\">$");
            product.Price.TryFormat(number, out var written, "F2", CultureInfo.InvariantCulture);
            w.Write(number[..written]);
            if (product.Price < 20)
            {
                w.Write(" <span class=\"deal\">deal</span>");
            }

            w.Write("</p>\n<p>");
            WriteTruncated(w, product.Description, 80);
            w.Write("</p>\n</li>\n");
        }

        w.Write("\n</ul>\n</body>\n</html>");
    }

    private static void RenderFortunes(FortunesPage model, TextWriter w)
    {
        w.Write("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>");
        foreach (var fortune in model.Fortunes)
        {
            w.Write("<tr><td>");
            WriteInt(w, fortune.Id);
            w.Write("</td><td>");
            MarkupSafe.Write(w, fortune.Message);
            w.Write("</td></tr>");
        }

        w.Write("</table></body></html>");
    }

    private static void RenderPage(PageData model, TextWriter w)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        MarkupSafe.Write(w, model.Page.Title);
        w.Write(" | ");
        MarkupSafe.Write(w, model.Site.Name);
        w.Write("</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n<meta name=\"description\" content=\"");
        WriteTruncated(w, model.Page.Summary, 60);
        w.Write("\">\n</head>\n<body>\n<nav>\n<ul>\n");
        foreach (var item in model.Navigation)
        {
            w.Write(item.Href == model.Active ? "\n<li class=\"active\"><a href=\"" : "\n<li><a href=\"");
            MarkupSafe.Write(w, item.Href);
            w.Write("\">");
            MarkupSafe.Write(w, item.Caption);
            w.Write("</a></li>\n");
        }

        w.Write("\n</ul>\n</nav>\n<main>\n\n<h1>");
        WriteUpper(w, model.Page.Title);
        w.Write("</h1>\n");
        if (model.Posts.Count == 0)
        {
            w.Write("\n<p>No posts.</p>\n");
        }

        for (var i = 0; i < model.Posts.Count; i++)
        {
            w.Write('\n');
            RenderCard(w, model.Posts[i], i % 2 == 0);
            w.Write('\n');
        }

        w.Write("\n<p>");
        WriteInt(w, model.Posts.Count);
        w.Write(" posts; tags: ");
        for (var i = 0; i < model.Tags.Count; i++)
        {
            if (i > 0)
            {
                w.Write(", ");
            }

            MarkupSafe.Write(w, model.Tags[i]);
        }

        w.Write("</p>\n\n</main>\n<footer>&copy; ");
        WriteInt(w, model.Site.Year);
        w.Write(' ');
        MarkupSafe.Write(w, model.Site.Name);
        w.Write("</footer>\n</body>\n</html>");
    }

    private static void RenderCard(TextWriter w, Post post, bool showTags)
    {
        w.Write("\n<article class=\"card\" id=\"");
        MarkupSafe.Write(w, post.Slug);
        w.Write("\">\n<h2><a href=\"/posts/");
        MarkupSafe.Write(w, post.Slug);
        w.Write("\">");
        MarkupSafe.Write(w, post.Title);
        w.Write("</a></h2>\n<p class=\"meta\">by ");
        WriteUpper(w, post.Author);
        if (post.Comments > 0)
        {
            w.Write(", ");
            WriteInt(w, post.Comments);
            w.Write(" comments");
        }
        else
        {
            w.Write(", no comments");
        }

        w.Write("</p>\n<p>");
        WriteTruncated(w, post.Summary, 60);
        w.Write("</p>\n");
        if (showTags && post.Tags.Count > 0)
        {
            w.Write("\n<ul class=\"tags\">\n");
            foreach (var tag in post.Tags)
            {
                w.Write("<li>");
                WriteLower(w, tag);
                w.Write("</li>");
            }

            w.Write("\n</ul>\n");
        }

        w.Write("\n</article>\n");
    }

    /// <summary>Jinja's truncate(length, killwords=True, end="...", leeway=0), escaped, on BMP text
    /// (Jinja counts code points; the benchmark's data has no astral characters).</summary>
    private static void WriteTruncated(TextWriter w, string text, int length)
    {
        if (text.Length <= length)
        {
            MarkupSafe.Write(w, text);
            return;
        }

        MarkupSafe.Write(w, text.AsSpan(0, length - 3));
        w.Write("...");
    }

    private static void WriteInt(TextWriter w, int value)
    {
        Span<char> buffer = stackalloc char[11];
        value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
        w.Write(buffer[..written]);
    }

    private static void WriteUpper(TextWriter w, string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().ToUpperInvariant(buffer);
        MarkupSafe.Write(w, buffer);
    }

    private static void WriteLower(TextWriter w, string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().ToLowerInvariant(buffer);
        MarkupSafe.Write(w, buffer);
    }
}
