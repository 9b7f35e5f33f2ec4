namespace Impactkaart.Engine;

/// <summary>The languages a user can read the product in. Dutch is the default.</summary>
public enum Language
{
    Nl,
    En,
}

/// <summary>A text a user reads, in Dutch and English.</summary>
public sealed record Text(string Nl, string En)
{
    public string this[Language language] => language == Language.En ? En : Nl;

    public override string ToString() => Nl;
}
