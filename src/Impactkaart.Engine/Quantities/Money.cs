using System.Globalization;

namespace Impactkaart.Engine.Quantities;

/// <summary>An amount in euros at the model's price level. Exact (decimal); no implicit conversion from a bare number.</summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal euros) => Euros = euros;

    /// <summary>The amount in euros, unrounded.</summary>
    public decimal Euros { get; }

    public static Money Zero => default;

    public static Money FromEuros(decimal euros) => new(euros);

    public static Money operator +(Money a, Money b) => new(a.Euros + b.Euros);
    public static Money operator -(Money a, Money b) => new(a.Euros - b.Euros);
    public static Money operator -(Money a) => new(-a.Euros);
    public static Money operator *(Money a, decimal factor) => new(a.Euros * factor);
    public static Money operator *(decimal factor, Money a) => new(a.Euros * factor);
    public static Money operator /(Money a, decimal divisor) => new(a.Euros / divisor);
    public static bool operator <(Money a, Money b) => a.Euros < b.Euros;
    public static bool operator >(Money a, Money b) => a.Euros > b.Euros;
    public static bool operator <=(Money a, Money b) => a.Euros <= b.Euros;
    public static bool operator >=(Money a, Money b) => a.Euros >= b.Euros;

    /// <summary>The ratio of two amounts; null when the denominator is zero (no ratio exists).</summary>
    public static Ratio? RatioOf(Money numerator, Money denominator) =>
        denominator.Euros == 0m ? null : Ratio.FromDecimal(numerator.Euros / denominator.Euros);

    /// <summary>Rounded to whole cents, away from zero.</summary>
    public Money RoundedToCents() => new(Math.Round(Euros, 2, MidpointRounding.AwayFromZero));

    public int CompareTo(Money other) => Euros.CompareTo(other.Euros);

    public override string ToString() => Euros.ToString("0.00", CultureInfo.InvariantCulture) + " EUR";
}
