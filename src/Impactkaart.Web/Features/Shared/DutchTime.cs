using System.Globalization;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Times are stored in UTC and shown as people in the Netherlands read them (Europe/Amsterdam, summer time
/// included): "26-11-2026 21:05". Dates are typed as dd-mm-jjjj.
/// </summary>
public static class DutchTime
{
    public const string DateFormat = "dd-MM-yyyy";

    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string DateAndTime(DateTime utc) => Local(utc).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) => Local(utc).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Today's date in the Netherlands.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(Local(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The UTC moment a Dutch calendar day ends (midnight after it, Amsterdam time).</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>A date typed as dd-mm-jjjj (also d-m-jjjj), or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd-MM-yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without time-zone data: UTC is at most two hours off, and still a valid time.
            return TimeZoneInfo.Utc;
        }
    }
}
