using System.Text.RegularExpressions;
using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;

namespace Impactkaart.Tests.Shared;

/// <summary>
/// What a reader must never find in a page, a PDF or the CLI's output: "EUR" as the currency, the other language's
/// negative style ("-€" in Dutch, "€ -" in English), cents on an amount of a thousand or more ("€ 90.000,00"), and a
/// singular word after a number other than one ("3 consult", "1 deelnemers" the other way round).
/// </summary>
public static class NumberTexts
{
    /// <summary>
    /// Every broken rule found in <paramref name="text"/>, each with the words around it; empty when all is well. With
    /// <paramref name="centsMatter"/> (a calculation written out line by line) cents on large amounts are allowed.
    /// </summary>
    public static IReadOnlyList<string> Problems(string text, Language language, ImpactModel model, bool centsMatter = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        // Non-breaking and thin spaces read as spaces; line breaks stay, so a table cell wrapped onto the next line of a
        // terminal does not put its words after another cell's number.
        text = Regex.Replace(text, @"[\u00A0\u202F\t ]+", " ");
        var problems = new List<string>();
        void Find(string pattern, string rule, Func<Match, bool>? applies = null)
        {
            foreach (Match m in Regex.Matches(text, pattern))
            {
                if (applies is null || applies(m))
                {
                    var from = Math.Max(0, m.Index - 30);
                    problems.Add($"{rule}: '…{text[from..Math.Min(text.Length, m.Index + m.Length + 30)]}…'");
                }
            }
        }

        Find(@"\bEUR\b", "EUR instead of €");
        if (language == Language.Nl)
        {
            Find(@"-\s?€|€-", "the English negative style in Dutch");
            if (!centsMatter)
            {
                Find(@"€ ?-?\d{1,3}(\.\d{3})+,\d\d(?!\d)", "cents on an amount of a thousand or more");
            }
        }
        else
        {
            Find(@"€ ?-|€ \d", "the Dutch money style in English");
            if (!centsMatter)
            {
                Find(@"€\d{1,3}(,\d{3})+\.\d\d(?!\d)", "cents on an amount of a thousand or more");
            }
        }

        var words = model.Units.Select(u => (One: u.Label[language], Many: u.Plural[language]))
            .Concat(new[] { Nouns.Participant, Nouns.Month, Nouns.Project, Nouns.Draw }.Select(n => (One: n.One[language], Many: n.Many[language])))
            .Where(w => w.One != w.Many)
            .Distinct();
        foreach (var (one, many) in words)
        {
            // A number on its own, not the end of an id such as "regioplan-2011".
            var counted = @"(?<![\w.,-])(\d+(?:[.,]\d+)*) ";
            Find(counted + Regex.Escape(one) + @"(?!\p{L})", $"a singular after a number other than one ({one})", m => m.Groups[1].Value != "1");
            Find(counted + Regex.Escape(many) + @"(?!\p{L})", $"a plural after one ({many})", m => m.Groups[1].Value == "1");
        }
        return problems;
    }

    /// <summary>Fails with every broken rule, one a line, when <paramref name="text"/> breaks any.</summary>
    public static void AssertNone(string text, Language language, ImpactModel model, bool centsMatter = false)
    {
        var problems = Problems(text, language, model, centsMatter);
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{problems.Count} number text(s) break the rules:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }
}
