using System.Text.RegularExpressions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The web app is organised by feature, and features may lean on each other only one way: what two features share
/// lives in Features/Shared. Reads the sources (C# and Razor), so a new using or a fully qualified name counts too.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly string Features = Path.Combine(BrowserFixture.RepositoryRoot, "src", "Impactkaart.Web", "Features");

    [Fact]
    public void No_feature_depends_on_another_that_depends_back_on_it()
    {
        var graph = Graph();
        Assert.True(graph.Count >= 10, "features found: " + string.Join(", ", graph.Keys));

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, "features that import each other in a circle: " + (cycle is null ? "" : string.Join(" -> ", cycle)));
    }

    [Fact]
    public void Shared_depends_on_no_feature()
    {
        Assert.Empty(Graph()["Shared"]);
    }

    /// <summary>Folder -> the folders whose namespaces its files name.</summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var folders = Directory.GetDirectories(Features).Select(Path.GetFileName).OfType<string>().ToList();
        // A folder's namespace is its name, unless its files declare another (Organisation: OrganisationAdmin).
        var folderOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            folderOf[folder] = folder;
            foreach (var file in Sources(folder))
            {
                foreach (Match m in DeclaredNamespace().Matches(File.ReadAllText(file)))
                {
                    folderOf[m.Groups[1].Value] = folder;
                }
            }
        }
        return folders.ToDictionary(folder => folder, folder => Sources(folder)
            .SelectMany(file => UsedNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Select(ns => folderOf.GetValueOrDefault(ns, ns))
            .Where(other => other != folder)
            .ToHashSet(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Features, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the current path, 2: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return graph.Keys.Where(k => state.GetValueOrDefault(k) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^\s*@?namespace\s+Impactkaart\.Web\.Features\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"Impactkaart\.Web\.Features\.(\w+)")]
    private static partial Regex UsedNamespace();
}
