using System.Globalization;

namespace Impactkaart.Engine.Quantities;

/// <summary>A share between 0 and 1 inclusive: deadweight, attribution, a yearly drop-off, a discount rate.</summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    private Fraction(decimal value) => Value = value;

    public decimal Value { get; }

    public static Fraction Zero => default;
    public static Fraction One => new(1m);

    /// <summary>From a value in [0, 1]; throws outside it (callers validate user input first).</summary>
    public static Fraction FromDecimal(decimal value) => new(Preconditions.InRange(value, 0m, 1m, nameof(value)));

    public Fraction Complement => new(1m - Value);

    public static bool operator <(Fraction a, Fraction b) => a.Value < b.Value;
    public static bool operator >(Fraction a, Fraction b) => a.Value > b.Value;
    public static bool operator <=(Fraction a, Fraction b) => a.Value <= b.Value;
    public static bool operator >=(Fraction a, Fraction b) => a.Value >= b.Value;

    public int CompareTo(Fraction other) => Value.CompareTo(other.Value);

    public override string ToString() => (Value * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
