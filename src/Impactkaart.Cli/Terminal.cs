using Spectre.Console;
using Spectre.Console.Rendering;

namespace Impactkaart.Cli;

/// <summary>
/// Where a command writes its readable output: a Spectre console over the given writer. In a terminal it uses
/// colour and rounded tables; anywhere else (a pipe, a file, a test's StringWriter) plain text, no escape codes,
/// simple borders and a fixed width.
/// </summary>
internal sealed class Terminal
{
    private const int PlainWidth = 120;

    // Plain text goes straight to the writer: lines stay whole for grep and files, and only tables are laid out.
    private readonly TextWriter writer;

    private Terminal(IAnsiConsole console, TextWriter writer, bool interactive)
    {
        Console = console;
        this.writer = writer;
        Interactive = interactive;
    }

    public IAnsiConsole Console { get; }

    /// <summary>True when writing to a real terminal: colours and rounded borders are used.</summary>
    public bool Interactive { get; }

    public static Terminal For(TextWriter writer)
    {
        var interactive = IsTerminal(writer);
        var settings = new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        };
        if (!interactive)
        {
            // CI enrichers may switch ANSI back on; plain output must stay plain everywhere.
            settings.Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false };
        }
        var console = AnsiConsole.Create(settings);
        if (!interactive)
        {
            console.Profile.Capabilities.Ansi = false;
            console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
            console.Profile.Capabilities.Interactive = false;
            console.Profile.Width = PlainWidth;
        }
        return new Terminal(console, writer, interactive);
    }

    private static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, System.Console.Out)
        && !System.Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>A section heading: bold in a terminal, underlined with dashes in plain text.</summary>
    public void Heading(string text)
    {
        if (Interactive)
        {
            Console.WriteLine();
            Console.MarkupLine($"[bold deepskyblue1]{Markup.Escape(text)}[/]");
        }
        else
        {
            writer.WriteLine();
            writer.WriteLine(text);
            writer.WriteLine(new string('-', text.Length));
        }
    }

    /// <summary>A line of plain text (never read as markup).</summary>
    public void Line(string text = "")
    {
        if (Interactive)
        {
            Console.WriteLine(text);
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    /// <summary>A line that stands out: bold in a terminal.</summary>
    public void Strong(string text)
    {
        if (Interactive)
        {
            Console.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    /// <summary>A warning: bold orange in a terminal, a plain line otherwise (its words say it is a warning).</summary>
    public void Warning(string text)
    {
        if (Interactive)
        {
            Console.MarkupLine($"[bold darkorange]{Markup.Escape(text)}[/]");
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    /// <summary>A line in a muted colour in a terminal.</summary>
    public void Muted(string text)
    {
        if (Interactive)
        {
            Console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    /// <summary>A table whose columns are named by <paramref name="headers"/>; a header starting with '>' is right-aligned.</summary>
    public Table Table(params string[] headers)
    {
        var table = new Table { Border = Interactive ? TableBorder.Rounded : TableBorder.Simple };
        foreach (var header in headers)
        {
            var right = header.StartsWith('>');
            var column = new TableColumn(Markup.Escape(right ? header[1..] : header));
            if (right)
            {
                column.RightAligned();
            }
            table.AddColumn(column);
        }
        return table;
    }

    /// <summary>Adds a row of plain texts (never read as markup).</summary>
    public static void Row(Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    /// <summary>Adds a row in bold (a subtotal or total).</summary>
    public void TotalRow(Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)(Interactive ? new Text(c, new Style(decoration: Decoration.Bold)) : new Text(c))).ToArray());

    public void Write(IRenderable renderable) => Console.Write(renderable);
}
