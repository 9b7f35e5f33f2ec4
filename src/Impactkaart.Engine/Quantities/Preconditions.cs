namespace Impactkaart.Engine.Quantities;

/// <summary>Argument checks for broken invariants; user input never reaches these (it is validated into results first).</summary>
internal static class Preconditions
{
    public static decimal InRange(decimal value, decimal min, decimal max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie between {min} and {max} (inclusive).");
        }
        return value;
    }
}
