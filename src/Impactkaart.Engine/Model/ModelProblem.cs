namespace Impactkaart.Engine.Model;

/// <summary>One thing wrong in the model files: the file, the path inside it, and what is wrong in plain words.</summary>
public sealed record ModelProblem(string File, string Path, Text Message)
{
    public string Describe(Language language) =>
        string.IsNullOrEmpty(Path) ? $"{File}: {Message[language]}" : $"{File} ({Path}): {Message[language]}";
}

/// <summary>The outcome of loading a model: a model, or the problems that keep it from being one (never both).</summary>
public sealed record ModelLoadResult(ImpactModel? Model, IReadOnlyList<ModelProblem> Problems)
{
    public bool Succeeded => Model is not null;
}
