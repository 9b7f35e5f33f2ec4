using System.Globalization;

namespace Impactkaart.Engine.Quantities;

/// <summary>A span of time in (fractional) years, e.g. a payback period.</summary>
public readonly record struct Years : IComparable<Years>
{
    private Years(decimal value) => Value = value;

    public decimal Value { get; }

    public static Years FromDecimal(decimal value) => new(Preconditions.InRange(value, 0m, 1000m, nameof(value)));

    public static bool operator <(Years a, Years b) => a.Value < b.Value;
    public static bool operator >(Years a, Years b) => a.Value > b.Value;
    public static bool operator <=(Years a, Years b) => a.Value <= b.Value;
    public static bool operator >=(Years a, Years b) => a.Value >= b.Value;

    public int CompareTo(Years other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.0", CultureInfo.InvariantCulture) + " y";
}
