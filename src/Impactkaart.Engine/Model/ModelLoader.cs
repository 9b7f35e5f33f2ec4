namespace Impactkaart.Engine.Model;

/// <summary>
/// Reads the reference model from its JSON files, validates every value and reference, and resolves ids into an
/// immutable <see cref="ImpactModel"/>. A model with any problem is never returned.
/// </summary>
public static class ModelLoader
{
    private const string ResourcePrefix = "model/";

    private static readonly Lazy<ModelLoadResult> Embedded = new(() => Load(EmbeddedFiles()));

    /// <summary>The model shipped inside this assembly (read once per process).</summary>
    public static ModelLoadResult LoadEmbedded() => Embedded.Value;

    /// <summary>The shipped model; throws if it is broken, which the test suite rules out before release.</summary>
    public static ImpactModel Shipped => LoadEmbedded().Model
        ?? throw new InvalidOperationException("The shipped model is invalid: " + string.Join("; ", LoadEmbedded().Problems.Select(p => p.Describe(Language.En))));

    /// <summary>A model from a folder laid out like <c>model/</c> in the repository (for experts editing the data).</summary>
    public static ModelLoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return Failure(new ModelProblem(folder, "", new Text(
                "Deze map bestaat niet.", "This folder does not exist.")));
        }
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => new ModelFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        return Load(files);
    }

    /// <summary>A model from file contents keyed by their path relative to the model folder.</summary>
    public static ModelLoadResult Load(IReadOnlyList<ModelFile> files) => new ModelBuilder(files).Build();

    private static ModelLoadResult Failure(ModelProblem problem) => new(null, [problem]);

    /// <summary>The shipped model's files, as embedded in this assembly.</summary>
    internal static List<ModelFile> EmbeddedFiles()
    {
        var assembly = typeof(ModelLoader).Assembly;
        var files = new List<ModelFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new ModelFile(name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return files;
    }
}

/// <summary>One model file: its path relative to the model folder (forward slashes) and its JSON text.</summary>
public sealed record ModelFile(string Path, string Json);
