using System.Globalization;

namespace Impactkaart.Engine.Quantities;

/// <summary>Hours of professional work.</summary>
public readonly record struct Hours : IComparable<Hours>
{
    private Hours(decimal value) => Value = value;

    public decimal Value { get; }

    public static Hours Zero => default;

    public static Hours FromDecimal(decimal value) => new(value);

    public static Hours operator +(Hours a, Hours b) => new(a.Value + b.Value);
    public static Hours operator *(Hours a, decimal factor) => new(a.Value * factor);

    /// <summary>Full-time equivalents: these hours over the productive hours of one FTE-year.</summary>
    public decimal ToFte(decimal productiveHoursPerFteYear) => Value / productiveHoursPerFteYear;

    public static bool operator <(Hours a, Hours b) => a.Value < b.Value;
    public static bool operator >(Hours a, Hours b) => a.Value > b.Value;
    public static bool operator <=(Hours a, Hours b) => a.Value <= b.Value;
    public static bool operator >=(Hours a, Hours b) => a.Value >= b.Value;

    public int CompareTo(Hours other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " h";
}
