using System.Globalization;
using System.Text.RegularExpressions;

namespace Impactkaart.Engine.Calculation;

/// <summary>Why a typed number could not be read.</summary>
public enum NumberProblem
{
    None,

    /// <summary>Not digits at all ("veel"), or nothing after the separators.</summary>
    NotANumber,

    /// <summary>Digits, but separators in no pattern that means one number ("1.5.3", "9.00,0", "1,250,000").</summary>
    Unclear,

    /// <summary>
    /// An amount like "90,000": a comma followed by exactly three digits after one to three digits, which is a
    /// decimal comma in Dutch but a thousands separator in English; <see cref="NumberReading.Meant"/> holds the
    /// thousands reading (90000) so a message can suggest it.
    /// </summary>
    CommaBeforeThreeDigits,
}

/// <summary>A typed number as <see cref="NumberText"/> reads it: its value, or the problem (never both).</summary>
public sealed record NumberReading(decimal? Value, NumberProblem Problem, decimal? Meant = null)
{
    public bool IsNumber => Problem == NumberProblem.None;
}

/// <summary>
/// Reads the numbers people type, in one rule for every front end (the web form, the command line, batch cells and
/// the strings of a project file or the API), and writes numbers back as text that the rule reads unchanged.
/// </summary>
/// <remarks>
/// <para><b>Amounts</b> (money, hours and counts: <see cref="ReadAmount"/>) are read as a Dutch user means them, and
/// the plain invariant form ("90000.5") keeps working:</para>
/// <list type="number">
/// <item>A euro sign, "EUR" or "euro" before or after the number is ignored, and so is a closing ",-" ("€ 90.000,-").</item>
/// <item>A point is a thousands separator when every point is followed by exactly three digits and the first group has
/// one to three digits, not starting with 0: "90.000" = 90000, "1.125" = 1125, "1.250.000" = 1250000.</item>
/// <item>Otherwise a single point, with no comma, is the decimal point: "90000.5", "1125.25", "12.5", "0.125".</item>
/// <item>A single comma is the decimal comma; before it, points (or spaces) may group the thousands as in rule 2:
/// "90000,5", "90.000,50".</item>
/// <item>Spaces may group the thousands as points do ("90 000", "1 250 000,50"), but not together with points.</item>
/// <item>Everything else is refused as unclear: more than one comma ("1,250,000"), a comma before a point, groups that
/// are not three digits ("1.5.3", "9.00,0"). So is "90,000" (one to three digits, a comma, exactly three digits):
/// in Dutch that is ninety with three decimals, which no amount has, while in English it is ninety thousand.</item>
/// </list>
/// <para><b>Plain decimals</b> (measured outcomes, the discount rate: <see cref="ReadDecimal"/>) are small numbers
/// where three decimals are real ("0.015 evictions per participant"): one point or one comma is the decimal separator
/// and there are no thousands separators, so "1.125" is one and an eighth there.</para>
/// </remarks>
public static partial class NumberText
{
    // "euro" before "EUR", so "euro 90.000" loses the whole word.
    private static readonly string[] Currency = ["€", "euro", "EUR"];

    [GeneratedRegex(@"^[1-9]\d{0,2}(\.\d{3})+$")]
    private static partial Regex PointGroups();

    [GeneratedRegex(@"^[1-9]\d{0,2}( \d{3})+$")]
    private static partial Regex SpaceGroups();

    [GeneratedRegex(@"^[1-9]\d{0,2}$")]
    private static partial Regex OneGroup();

    /// <summary>Reads an amount (money, hours, a count) by the rule in the remarks; an optional leading minus sign is kept.</summary>
    public static NumberReading ReadAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(NumberProblem.NotANumber);
        }
        var t = WithoutCurrency(NormaliseSpaces(text));
        if (t.EndsWith(",-", StringComparison.Ordinal))
        {
            t = t[..^2].TrimEnd();
        }
        var negative = t.StartsWith('-');
        if (negative || t.StartsWith('+'))
        {
            t = t[1..].TrimStart();
        }
        if (t.Length == 0 || !t.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or ' '))
        {
            return Fail(NumberProblem.NotANumber);
        }

        string? whole;
        var fraction = "";
        var split = true;
        var commas = t.Count(c => c == ',');
        var points = t.Count(c => c == '.');
        if (commas > 1)
        {
            return Fail(NumberProblem.Unclear);
        }
        if (commas == 1)
        {
            var comma = t.IndexOf(',', StringComparison.Ordinal);
            fraction = t[(comma + 1)..];
            var before = t[..comma];
            if (points == 0 && OneGroup().IsMatch(before) && fraction.Length == 3 && fraction.All(char.IsAsciiDigit))
            {
                return new NumberReading(null, NumberProblem.CommaBeforeThreeDigits, Parse(false, before + fraction, ""));
            }
            whole = Ungrouped(before);
        }
        else if (PointGroups().IsMatch(t))
        {
            whole = t.Replace(".", "", StringComparison.Ordinal);
            split = false;
        }
        else if (points == 1 && !t.Contains(' ', StringComparison.Ordinal))
        {
            var point = t.IndexOf('.', StringComparison.Ordinal);
            whole = t[..point];
            fraction = t[(point + 1)..];
        }
        else if (points == 0)
        {
            whole = Ungrouped(t);
            split = false;
        }
        else
        {
            return Fail(NumberProblem.Unclear);
        }
        // A decimal separator needs digits after it: "90," and "90." are unclear, "," alone is no number.
        if (whole is null || !fraction.All(char.IsAsciiDigit) || (split && fraction.Length == 0))
        {
            return Fail(whole is { Length: 0 } && fraction.Length == 0 ? NumberProblem.NotANumber : NumberProblem.Unclear);
        }
        return Parse(negative, whole, fraction) is { } value ? new NumberReading(value, NumberProblem.None) : Fail(NumberProblem.NotANumber);
    }

    /// <summary>Reads a plain decimal: one point or one comma as the decimal separator, no thousands separators, an optional sign.</summary>
    public static NumberReading ReadDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(NumberProblem.NotANumber);
        }
        var t = text.Trim();
        if (t.Contains(',', StringComparison.Ordinal))
        {
            if (t.Contains('.', StringComparison.Ordinal))
            {
                return Fail(NumberProblem.Unclear);
            }
            t = t.Replace(',', '.');
        }
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new NumberReading(value, NumberProblem.None)
            : Fail(NumberProblem.NotANumber);
    }

    /// <summary>
    /// The number as invariant text (a point for decimals, no grouping, no trailing zeros) that both
    /// <see cref="ReadAmount"/> and <see cref="ReadDecimal"/> read back as the same value.
    /// </summary>
    public static string Write(decimal value) =>
        KeepDecimal(value.ToString("0.############################", CultureInfo.InvariantCulture));

    /// <summary>A number of a spreadsheet cell as invariant round-trip text that both rules read back as the same value.</summary>
    public static string Write(double value) => KeepDecimal(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>"1.125" would read as an amount of 1125; "1.1250" reads as one and an eighth by both rules.</summary>
    private static string KeepDecimal(string invariant) =>
        PointGroups().IsMatch(invariant.TrimStart('-')) ? invariant + "0" : invariant;

    /// <summary>The digits of a whole part grouped by spaces or points in threes, or plain digits; null when grouped otherwise.</summary>
    private static string? Ungrouped(string whole)
    {
        var hasPoints = whole.Contains('.', StringComparison.Ordinal);
        var hasSpaces = whole.Contains(' ', StringComparison.Ordinal);
        if (!hasPoints && !hasSpaces)
        {
            return whole;
        }
        if (hasPoints && !hasSpaces && PointGroups().IsMatch(whole))
        {
            return whole.Replace(".", "", StringComparison.Ordinal);
        }
        if (hasSpaces && !hasPoints && SpaceGroups().IsMatch(whole))
        {
            return whole.Replace(" ", "", StringComparison.Ordinal);
        }
        return null;
    }

    private static decimal? Parse(bool negative, string whole, string fraction)
    {
        var invariant = (negative ? "-" : "") + (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? "" : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Trimmed, with every kind of space (non-breaking, thin, narrow) as a plain space and runs of them as one.</summary>
    private static string NormaliseSpaces(string text)
    {
        var chars = text.Trim().Select(c => char.IsWhiteSpace(c) ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string WithoutCurrency(string text)
    {
        foreach (var sign in Currency)
        {
            if (text.StartsWith(sign, StringComparison.OrdinalIgnoreCase))
            {
                return text[sign.Length..].Trim();
            }
            if (text.EndsWith(sign, StringComparison.OrdinalIgnoreCase))
            {
                return text[..^sign.Length].Trim();
            }
        }
        return text;
    }

    private static NumberReading Fail(NumberProblem problem) => new(null, problem);
}
