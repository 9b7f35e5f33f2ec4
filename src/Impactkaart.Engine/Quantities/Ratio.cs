using System.Globalization;

namespace Impactkaart.Engine.Quantities;

/// <summary>A dimensionless ratio such as euros of benefit per euro invested. May exceed 1; never negative in the model.</summary>
public readonly record struct Ratio : IComparable<Ratio>
{
    private Ratio(decimal value) => Value = value;

    public decimal Value { get; }

    public static Ratio Zero => default;
    public static Ratio One => new(1m);

    public static Ratio FromDecimal(decimal value) => new(value);

    public int CompareTo(Ratio other) => Value.CompareTo(other.Value);
    public static bool operator <(Ratio a, Ratio b) => a.Value < b.Value;
    public static bool operator >(Ratio a, Ratio b) => a.Value > b.Value;
    public static bool operator <=(Ratio a, Ratio b) => a.Value <= b.Value;
    public static bool operator >=(Ratio a, Ratio b) => a.Value >= b.Value;

    public override string ToString() => Value.ToString("0.00", CultureInfo.InvariantCulture);
}
