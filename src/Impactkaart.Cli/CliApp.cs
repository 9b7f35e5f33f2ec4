using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Impactkaart.Engine;

namespace Impactkaart.Cli;

/// <summary>
/// The command-line tool: builds the command tree, reports parse errors in the user's language and runs the
/// chosen command. Exit codes: 0 done, 1 unexpected failure, 2 bad input or an invalid model, 3 (batch) some rows could not be computed.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing results to <paramref name="output"/> and messages to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var (language, badLanguage) = DetectLanguage(args);
        var context = new CliContext(output, error, language);
        if (badLanguage is not null)
        {
            return context.BadInput($"--lang: {context.Formats.Format(Texts.UnknownLanguage, badLanguage)}");
        }
        try
        {
            var root = BuildRoot(context);
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0)
            {
                return context.BadInput(DescribeErrors(parse, context.Formats));
            }
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The one place that turns any unexpected failure into a short message instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine(context.Formats.Format(Texts.Unexpected, e.GetType().Name, e.Message));
            return ExitCodes.Unexpected;
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var f = context.Formats;
        var root = new RootCommand(f[Texts.RootDescription]);
        root.Options.Add(new Option<string>("--lang") { Description = f[Texts.OptLang], HelpName = "nl|en", Recursive = true });

        var modelFolder = new Option<string>("--model") { Description = f[Texts.OptModel], HelpName = "map" };
        var model = new Command("model", f[Texts.ModelDescription]);
        model.Subcommands.Add(ModelListCommand.Create(context, modelFolder));
        model.Subcommands.Add(ModelShowCommand.Create(context, modelFolder));
        model.Subcommands.Add(ModelValidateCommand.Create(context));

        root.Subcommands.Add(ComputeCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(model);
        root.Subcommands.Add(BatchCommand.Create(context));

        // A command that only groups others shows its help and exits with 2: there was nothing to do.
        root.SetAction(ShowHelp);
        model.SetAction(ShowHelp);
        return root;
    }

    private static int ShowHelp(ParseResult parse)
    {
        new HelpAction().Invoke(parse);
        return ExitCodes.BadInput;
    }

    /// <summary>The language from --lang (looked at before parsing, so parse errors are in it too); Dutch by default.</summary>
    internal static (Language Language, string? Invalid) DetectLanguage(string[] args)
    {
        string? value = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }
            if (arg == "--lang")
            {
                value = i + 1 < args.Length ? args[i + 1] : "";
            }
            else if (arg.StartsWith("--lang=", StringComparison.Ordinal) || arg.StartsWith("--lang:", StringComparison.Ordinal))
            {
                value = arg["--lang=".Length..];
            }
        }
        return value?.Trim().ToUpperInvariant() switch
        {
            null or "NL" => (Language.Nl, null),
            "EN" => (Language.En, null),
            _ => (Language.Nl, value),
        };
    }

    /// <summary>The parser's errors in the user's words: unknown options and commands, and options without a value.</summary>
    private static List<string> DescribeErrors(ParseResult parse, Formats f)
    {
        var messages = new List<string>();
        var command = parse.CommandResult.Command;
        var afterUnknownOption = false;
        foreach (var token in parse.UnmatchedTokens)
        {
            // "--colour red": the value of an unknown option needs no message of its own.
            if (afterUnknownOption && !token.StartsWith('-'))
            {
                afterUnknownOption = false;
                continue;
            }
            afterUnknownOption = token.StartsWith('-');
            if (token.StartsWith('-'))
            {
                var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(c => c.Options.Where(o => o.Recursive)))
                    .Where(o => !o.Hidden).Select(o => o.Name).Distinct();
                messages.Add(f.Format(Texts.UnknownOption, token, CommandPath(command), string.Join(", ", options)));
            }
            else if (command.Subcommands.Count > 0)
            {
                messages.Add(f.Format(Texts.UnknownCommand, token, string.Join(", ", command.Subcommands.Select(c => c.Name))));
            }
            else
            {
                messages.Add(f.Format(Texts.UnexpectedArgument, token, CommandPath(command)));
            }
        }
        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option when option.Tokens.Count == 0:
                    messages.Add($"{option.Option.Name}: {f.Format(Texts.OptionNeedsValue, option.Option.Name)}");
                    break;
                case OptionResult option when option.Tokens.Count > 1 && option.Option.Arity.MaximumNumberOfValues == 1:
                    messages.Add($"{option.Option.Name}: {f.Format(Texts.OptionOnce, option.Option.Name)}");
                    break;
                case OptionResult option:
                    messages.Add($"{option.Option.Name}: {error.Message}");
                    break;
                case ArgumentResult argument:
                    messages.Add($"{argument.Argument.Name}: {error.Message}");
                    break;
                default:
                    // Unmatched tokens are described above; anything else the parser says is passed on as it is.
                    if (parse.UnmatchedTokens.Count == 0)
                    {
                        messages.Add(error.Message);
                    }
                    break;
            }
        }
        messages.Add(f.Format(Texts.SeeHelp, CommandPath(command)));
        return messages;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }
        return string.Join(' ', ["impactkaart", .. names]);
    }
}
