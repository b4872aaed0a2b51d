using Flagon.Jinja.Cli;

return CliApp.Run(args, Console.In, Console.OpenStandardOutput(), Console.Error);
