using System.Text.Json;
using Flagon.Jinja.Loaders;

namespace Flagon.Jinja.Tests.Conformance;

/// <summary>Runs a fixture case through the engine's public API, as a user would.</summary>
public static class ConformanceEngine
{
    public static RenderOutcome Run(FixtureCase c)
    {
        try
        {
            var env = CreateEnvironment(c);
            var context = FixtureJson.ToContext(c.Context);
            return new RenderOutcome(env.GetTemplate("main").Render(context), null);
        }
        catch (InvalidDataException)
        {
            throw; // a broken fixture, not an engine result
        }
        catch (Exception ex)
        {
            return new RenderOutcome(null, ex);
        }
    }

    public static JinjaEnvironment CreateEnvironment(FixtureCase c)
    {
        var templates = new Dictionary<string, string>(c.Templates, StringComparer.Ordinal)
        {
            ["main"] = c.Template,
        };
        var env = new JinjaEnvironment { Loader = new DictLoader(templates) };
        foreach (var option in c.Options.EnumerateObject())
        {
            var v = option.Value;
            switch (option.Name)
            {
                case "autoescape" when v.ValueKind == JsonValueKind.Array:
                    string[] extensions = v.EnumerateArray().Select(e => "." + e.GetString()).ToArray();
                    env.AutoescapeSelector = name => name is not null
                        && extensions.Any(ext => name.EndsWith(ext, StringComparison.OrdinalIgnoreCase));
                    break;
                case "autoescape":
                    env.Autoescape = v.GetBoolean();
                    break;
                case "trim_blocks":
                    env.TrimBlocks = v.GetBoolean();
                    break;
                case "lstrip_blocks":
                    env.LstripBlocks = v.GetBoolean();
                    break;
                case "keep_trailing_newline":
                    env.KeepTrailingNewline = v.GetBoolean();
                    break;
                case "newline_sequence":
                    env.NewlineSequence = v.GetString()!;
                    break;
                case "undefined":
                    env.Undefined = v.GetString() switch
                    {
                        "default" => UndefinedKind.Default,
                        "strict" => UndefinedKind.Strict,
                        "chainable" => UndefinedKind.Chainable,
                        "debug" => UndefinedKind.Debug,
                        var other => throw new InvalidDataException($"{c.Name}: unknown undefined kind {other}"),
                    };
                    break;
                case "extensions":
                    var flags = JinjaExtensions.None;
                    foreach (var e in v.EnumerateArray())
                    {
                        flags |= e.GetString() switch
                        {
                            "do" => JinjaExtensions.Do,
                            "loopcontrols" => JinjaExtensions.LoopControls,
                            var other => throw new InvalidDataException($"{c.Name}: unknown extension {other}"),
                        };
                    }
                    env.Extensions = flags;
                    break;
                case "line_statement_prefix":
                    env.LineStatementPrefix = v.GetString();
                    break;
                case "line_comment_prefix":
                    env.LineCommentPrefix = v.GetString();
                    break;
                case "block_start_string":
                    env.BlockStartString = v.GetString()!;
                    break;
                case "block_end_string":
                    env.BlockEndString = v.GetString()!;
                    break;
                case "variable_start_string":
                    env.VariableStartString = v.GetString()!;
                    break;
                case "variable_end_string":
                    env.VariableEndString = v.GetString()!;
                    break;
                case "comment_start_string":
                    env.CommentStartString = v.GetString()!;
                    break;
                case "comment_end_string":
                    env.CommentEndString = v.GetString()!;
                    break;
                case "policies":
                    foreach (var policy in v.EnumerateObject())
                    {
                        env.Policies[policy.Name] = FixtureJson.ToValue(policy.Value);
                    }
                    break;
                default:
                    throw new InvalidDataException($"{c.Name}: unknown option {option.Name}");
            }
        }
        return env;
    }
}
