using System.Globalization;
using System.Text.RegularExpressions;

namespace Flagon.Sessions;

/// <summary>HTTP dates as Werkzeug writes them (<c>http_date</c>) and reads them (<c>parse_date</c>, RFC 2822 style).</summary>
internal static partial class HttpDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary><c>Thu, 02 Jan 2020 03:04:05 GMT</c>: UTC, second precision.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    /// <summary>Formats a <see cref="DateTime"/>; a local time is converted to UTC, an unspecified one is taken as UTC (Python's naive datetime).</summary>
    public static string Format(DateTime value) =>
        Format(new DateTimeOffset(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    /// <summary>Parses an RFC 2822 date; null when it is not one (Werkzeug then yields <c>None</c>).</summary>
    public static DateTimeOffset? Parse(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int month = Array.IndexOf(Months, m.Groups["mon"].Value.ToLowerInvariant()) + 1;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["y"].Value.Length <= 2)
        {
            year += year > 68 ? 1900 : 2000;
        }
        int hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        int second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = TimeSpan.Zero;
        string zone = m.Groups["z"].Value;
        if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            int hh = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            int mm = int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
            offset = new TimeSpan(hh, mm, 0) * (zone[0] == '-' ? -1 : 1);
        }
        if (month < 1 || year < 1 || year > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offset.Duration() >= TimeSpan.FromHours(24))
        {
            return null;
        }
        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{3},?\s*)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3})\s+(?<y>\d{2,4})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<z>GMT|UTC|UT|Z|[+-]\d{4})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
