using System.Globalization;
using System.Text;
using Flagon.Jinja.Chat;
using Flagon.Jinja.Python;
using Flagon.Jinja.Runtime;

namespace Flagon.Jinja.Cli;

/// <summary>
/// <c>flagon-jinja chat --template FILE | --tokenizer-config FILE [--name NAME] --data FILE.json [--now ISO-8601]
/// [--continue-final-message]</c>:
/// renders a chat template as transformers' <c>apply_chat_template(..., tokenize=False)</c> does and prints
/// the prompt byte for byte. The data is a JSON object of render variables (<c>messages</c>, <c>tools</c>,
/// <c>add_generation_prompt</c>, extras); <c>tools</c>/<c>documents</c> default to None and
/// <c>add_generation_prompt</c> to false, and a tokenizer config adds its special tokens (the data wins).
/// </summary>
public static class ChatCommand
{
    /// <summary>The command's usage line.</summary>
    public const string Usage =
        "usage: flagon-jinja chat (--template FILE | --tokenizer-config FILE [--name NAME]) --data FILE.json|- [--now ISO-8601] [--continue-final-message]";

    /// <summary>Runs the command (<paramref name="args"/> without the leading <c>chat</c>).</summary>
    public static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        string? templateFile = null, configFile = null, name = null, data = null, now = null;
        bool continueFinal = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a is "-h" or "--help")
            {
                stderr.WriteLine(Usage);
                return 0;
            }
            if (a == "--continue-final-message")
            {
                continueFinal = true;
                continue;
            }
            if (a is not ("--template" or "--tokenizer-config" or "--name" or "--data" or "--now"))
            {
                return Fail(stderr, $"unexpected argument '{a}'");
            }
            if (i + 1 >= args.Length)
            {
                return Fail(stderr, $"{a} needs a value");
            }
            string v = args[++i];
            switch (a)
            {
                case "--template": templateFile = v; break;
                case "--tokenizer-config": configFile = v; break;
                case "--name": name = v; break;
                case "--data": data = v; break;
                default: now = v; break;
            }
        }
        if ((templateFile is null) == (configFile is null))
        {
            return Fail(stderr, "give exactly one of --template and --tokenizer-config");
        }
        if (name is not null && configFile is null)
        {
            return Fail(stderr, "--name needs --tokenizer-config");
        }
        if (data is null)
        {
            return Fail(stderr, "missing --data");
        }
        TimeProvider? clock = null;
        if (now is not null)
        {
            if (!DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            {
                return Fail(stderr, $"--now must be an ISO-8601 date and time, not '{now}'");
            }
            clock = new FixedClock(moment);
        }
        PyDict variables;
        try
        {
            string json = data == "-" ? stdin.ReadToEnd() : File.ReadAllText(data, new UTF8Encoding(false));
            variables = PyJson.Loads(json) as PyDict ?? throw new FormatException("the data must be a JSON object");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(stderr, $"cannot read data '{data}': {e.Message}");
        }
        catch (TemplateError e)
        {
            return Fail(stderr, $"invalid JSON data: {e.BareMessage}");
        }
        catch (FormatException e)
        {
            return Fail(stderr, e.Message);
        }
        string source;
        var context = new PyDict { ["tools"] = null, ["documents"] = null, ["add_generation_prompt"] = false };
        try
        {
            if (templateFile is not null)
            {
                source = File.ReadAllText(templateFile, new UTF8Encoding(false));
            }
            else
            {
                var config = TokenizerConfig.Load(configFile!);
                bool hasTools = variables.TryGetValue("tools", out var tools) && tools is not null;
                source = config.GetTemplateSource(name, hasTools);
                foreach (var (k, v) in config.SpecialTokens)
                {
                    context[k] = v;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
            or FormatException or InvalidOperationException)
        {
            return Fail(stderr, e.Message);
        }
        foreach (var kv in variables)
        {
            context[kv.Key] = kv.Value;
        }
        string output;
        try
        {
            output = ChatTemplate.FromString(source).RenderVariables(context, clock, continueFinalMessage: continueFinal);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (TemplateError e)
        {
            stderr.WriteLine($"{e.Kind}: {e.BareMessage}");
            if (e.LineNumber is int line)
            {
                stderr.WriteLine($"  File \"{templateFile ?? configFile}\", line {line}");
            }
            return 1;
        }
        CliApp.WriteOutput(stdout, output);
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine(Usage);
        return 2;
    }
}
