using System.Text;
using Flagon.Jinja.Loaders;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;
using Flagon.Jinja.Sandbox;

namespace Flagon.Jinja.Cli;

/// <summary>
/// The <c>flagon-jinja</c> command: <c>render TEMPLATE [--data FILE|-] [--search-path DIR]... [options]</c>,
/// or <c>chat</c> (see <see cref="ChatCommand"/>).
/// <c>--sandbox</c> renders with a <see cref="SandboxedEnvironment"/> (untrusted templates), <c>--immutable-sandbox</c>
/// with an <see cref="ImmutableSandboxedEnvironment"/>.
/// Exit codes: 0 rendered, 1 template error, including a refused access (first stderr line <c>Kind: message</c>,
/// e.g. <c>SecurityError: access to attribute '__class__' of 'str' object is unsafe.</c>), 2 bad arguments or data.
/// </summary>
public static class CliApp
{
    private const string Usage =
        "usage: flagon-jinja render TEMPLATE [--data FILE|-] [--search-path DIR]... [--autoescape] [--trim-blocks] " +
        "[--lstrip-blocks] [--keep-trailing-newline] [--undefined default|strict|chainable|debug] [--extension do|loopcontrols]... " +
        "[--sandbox|--immutable-sandbox]";

    /// <summary>Runs the command with explicit streams (so tests can run it in-process).</summary>
    public static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            stderr.WriteLine(Usage);
            stderr.WriteLine("   or: " + ChatCommand.Usage["usage: ".Length..]);
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] == "chat")
        {
            return ChatCommand.Run(args[1..], stdin, stdout, stderr);
        }
        if (args[0] != "render")
        {
            stderr.WriteLine($"error: unknown command '{args[0]}'");
            stderr.WriteLine(Usage);
            return 2;
        }
        bool sandbox = args.Contains("--sandbox"), immutable = args.Contains("--immutable-sandbox");
        if (sandbox && immutable)
        {
            return Fail(stderr, "--sandbox and --immutable-sandbox exclude each other");
        }
        JinjaEnvironment env = immutable ? new ImmutableSandboxedEnvironment() : sandbox ? new SandboxedEnvironment() : new JinjaEnvironment();
        string? template = null;
        string? data = null;
        var searchPaths = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            string a = args[i];
            string? Value()
            {
                if (i + 1 >= args.Length)
                {
                    return null;
                }
                return args[++i];
            }
            switch (a)
            {
                case "--data":
                    data = Value();
                    if (data is null)
                    {
                        return Fail(stderr, "--data needs a file name or '-'");
                    }
                    break;
                case "--search-path":
                    {
                        var dir = Value();
                        if (dir is null)
                        {
                            return Fail(stderr, "--search-path needs a folder");
                        }
                        searchPaths.Add(dir);
                        break;
                    }
                case "--sandbox" or "--immutable-sandbox": break;
                case "--autoescape": env.Autoescape = true; break;
                case "--trim-blocks": env.TrimBlocks = true; break;
                case "--lstrip-blocks": env.LstripBlocks = true; break;
                case "--keep-trailing-newline": env.KeepTrailingNewline = true; break;
                case "--undefined":
                    switch (Value())
                    {
                        case "default": env.Undefined = UndefinedKind.Default; break;
                        case "strict": env.Undefined = UndefinedKind.Strict; break;
                        case "chainable": env.Undefined = UndefinedKind.Chainable; break;
                        case "debug": env.Undefined = UndefinedKind.Debug; break;
                        default: return Fail(stderr, "--undefined must be one of default, strict, chainable, debug");
                    }
                    break;
                case "--extension":
                    switch (Value())
                    {
                        case "do" or "jinja2.ext.do": env.Extensions |= JinjaExtensions.Do; break;
                        case "loopcontrols" or "jinja2.ext.loopcontrols": env.Extensions |= JinjaExtensions.LoopControls; break;
                        default: return Fail(stderr, "--extension must be do or loopcontrols");
                    }
                    break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal) || template is not null)
                    {
                        return Fail(stderr, $"unexpected argument '{a}'");
                    }
                    template = a;
                    break;
            }
        }
        if (template is null)
        {
            return Fail(stderr, "missing TEMPLATE");
        }
        string name = template;
        if (searchPaths.Count == 0)
        {
            string full = Path.GetFullPath(template);
            searchPaths.Add(Path.GetDirectoryName(full) ?? ".");
            name = Path.GetFileName(full);
        }
        env.Loader = new FileSystemLoader(searchPaths.ToArray());
        object? context = null;
        if (data is not null)
        {
            string json;
            try
            {
                json = data == "-" ? stdin.ReadToEnd() : File.ReadAllText(data, new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Fail(stderr, $"cannot read data '{data}': {e.Message}");
            }
            try
            {
                context = PyJson.Loads(json);
            }
            catch (TemplateError e)
            {
                return Fail(stderr, $"invalid JSON data: {e.BareMessage}");
            }
            if (context is not PyDict)
            {
                return Fail(stderr, "the data must be a JSON object");
            }
        }
        string output;
        try
        {
            output = env.GetTemplate(name).Render(context);
        }
        catch (TemplateError e)
        {
            stderr.WriteLine($"{e.Kind}: {e.BareMessage}");
            string where = e.TemplateName ?? name;
            stderr.WriteLine(e.LineNumber is int line ? $"  File \"{where}\", line {line}" : $"  File \"{where}\"");
            return 1;
        }
        WriteOutput(stdout, output);
        return 0;
    }

    /// <summary>Writes a rendered result as UTF-8 without a byte-order mark and adds nothing (no newline).</summary>
    internal static void WriteOutput(Stream stdout, string output)
    {
        var bytes = new UTF8Encoding(false).GetBytes(output);
        stdout.Write(bytes, 0, bytes.Length);
        stdout.Flush();
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage);
        return 2;
    }
}
