using System.Reflection;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Tests;

public sealed class QuantityTests
{
    [Fact]
    public void Money_adds_subtracts_and_scales_exactly()
    {
        var a = Money.FromEuros(0.1m);
        var b = Money.FromEuros(0.2m);

        Assert.Equal(Money.FromEuros(0.3m), a + b);
        Assert.Equal(Money.FromEuros(-0.1m), a - b);
        Assert.Equal(Money.FromEuros(0.5m), a * 5m);
        Assert.True(a < b);
    }

    [Fact]
    public void A_ratio_over_zero_money_does_not_exist()
    {
        Assert.Null(Money.RatioOf(Money.FromEuros(5m), Money.Zero));
        Assert.Equal(2.5m, Money.RatioOf(Money.FromEuros(5m), Money.FromEuros(2m))!.Value.Value);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void A_fraction_outside_zero_to_one_is_a_broken_invariant(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Fraction.FromDecimal((decimal)value));
        Assert.Contains("between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_turn_into_fte_through_productive_hours()
    {
        Assert.Equal(0.5m, Hours.FromDecimal(750m).ToFte(1500m));
    }

    [Fact]
    public void Money_rounds_half_cents_away_from_zero()
    {
        Assert.Equal(1.01m, Money.FromEuros(1.005m).RoundedToCents().Euros);
        Assert.Equal(-1.01m, Money.FromEuros(-1.005m).RoundedToCents().Euros);
    }

    [Fact]
    public void Every_quantity_type_is_an_immutable_value_type_without_a_public_constructor_taking_a_number()
    {
        var types = typeof(Money).Assembly.GetTypes().Where(t => t.Namespace == typeof(Money).Namespace && t.IsPublic).ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t =>
        {
            Assert.True(t.IsValueType, t.Name);
            Assert.True(t.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)), $"{t.Name} is readonly");
            Assert.DoesNotContain(t.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length > 0);
            Assert.DoesNotContain(t.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name == "op_Implicit");
        });
    }
}
