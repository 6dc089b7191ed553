namespace Civility.DemoData;

/// <summary>
/// The hours booked per volunteer and day while the demo's records are planned, so that no day breaks the volunteer
/// service's daily limit (all sources together: imported, entered and sent by pairing activities) whatever the date
/// the demo is anchored on.
/// </summary>
internal sealed class ServiceDays
{
    /// <summary>The volunteer service's own limit (Volunteers:MaxHoursPerDay).</summary>
    public const decimal DailyLimit = 12m;

    private readonly Dictionary<(string Volunteer, DateOnly Date), decimal> _booked = [];

    public void Book(string volunteer, DateOnly date, decimal hours) =>
        _booked[(volunteer, date)] = Booked(volunteer, date) + hours;

    /// <summary>
    /// Books <paramref name="hours"/> on the day nearest <paramref name="preferred"/>, within
    /// [<paramref name="earliest"/>, <paramref name="latest"/>], whose booked hours stay within <paramref name="dayLimit"/>.
    /// </summary>
    public DateOnly Place(string volunteer, DateOnly preferred, decimal hours, decimal dayLimit, DateOnly earliest, DateOnly latest)
    {
        for (var step = 0; step <= latest.DayNumber - earliest.DayNumber; step++)
        {
            foreach (var date in new[] { preferred.AddDays(-step), preferred.AddDays(step) })
            {
                if (date < earliest || date > latest || Booked(volunteer, date) + hours > dayLimit) continue;
                Book(volunteer, date, hours);
                return date;
            }
        }
        throw new DemoDataException($"No day between {earliest} and {latest} has room for {hours} more hours of {volunteer}.");
    }

    private decimal Booked(string volunteer, DateOnly date) => _booked.GetValueOrDefault((volunteer, date));
}
