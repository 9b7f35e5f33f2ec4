using System.Reflection;

namespace Impactkaart.Cli.Tests;

/// <summary>
/// The CLI draws nothing, so it must not carry the renderers' native libraries (SkiaSharp alone is about 125 MB):
/// the published tool stays a few MB. Walks the assemblies the CLI references, as the runtime would load them.
/// </summary>
public class FootprintTests
{
    [Fact]
    public void The_cli_references_no_pdf_or_drawing_library()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([typeof(CliApp).Assembly]);
        while (queue.Count > 0)
        {
            foreach (var name in queue.Dequeue().GetReferencedAssemblies())
            {
                if (name.Name is { } simple && seen.Add(simple) && !simple.StartsWith("System", StringComparison.Ordinal)
                    && !simple.StartsWith("Microsoft", StringComparison.Ordinal) && simple != "netstandard")
                {
                    queue.Enqueue(Assembly.Load(name));
                }
            }
        }

        Assert.Contains("Impactkaart.Reports", seen);
        Assert.DoesNotContain(seen, name => name.StartsWith("SkiaSharp", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, name => name.StartsWith("PdfSharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Impactkaart.Documents", seen);
    }
}
