namespace Impactkaart.Web.Features.Shared;

/// <summary>Amounts and chances on a page never break over two lines: "€ 1,24", "€ -49.696" and "> 99%" keep their space.</summary>
public static class Unbroken
{
    public static string Text(string text) =>
        text.Replace("€ ", "€\u00A0", StringComparison.Ordinal).Replace("> ", ">\u00A0", StringComparison.Ordinal).Replace("< ", "<\u00A0", StringComparison.Ordinal);
}
