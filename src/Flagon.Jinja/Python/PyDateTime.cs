using System.Globalization;
using System.Text;

namespace Flagon.Jinja.Python;

/// <summary>
/// .NET dates and times shown as Python's <c>datetime</c> module shows them, so templates printing
/// model dates match Flask: <see cref="DateTime"/> is a naive <c>datetime</c>,
/// <see cref="DateTimeOffset"/> an aware one, <see cref="DateOnly"/> a <c>date</c>,
/// <see cref="TimeOnly"/> a <c>time</c> and <see cref="TimeSpan"/> a <c>timedelta</c>.
/// </summary>
public static class PyDateTime
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>Whether <paramref name="value"/> is one of the date/time types handled here.</summary>
    public static bool IsDateTime(object? value) => value is DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan;

    /// <summary>Python's type name: datetime, date, time or timedelta (null for other values).</summary>
    public static string? TypeName(object? value) => value switch
    {
        DateTime or DateTimeOffset => "datetime",
        DateOnly => "date",
        TimeOnly => "time",
        TimeSpan => "timedelta",
        _ => null,
    };

    /// <summary>Python's <c>str()</c> of the value (null for other values).</summary>
    public static string? Str(object? value) => value switch
    {
        DateTime d => DateText(d.Year, d.Month, d.Day) + " " + TimeText(d.TimeOfDay.Ticks),
        DateTimeOffset o => DateText(o.Year, o.Month, o.Day) + " " + TimeText(o.TimeOfDay.Ticks) + OffsetText(o.Offset),
        DateOnly d => DateText(d.Year, d.Month, d.Day),
        TimeOnly t => TimeText(t.Ticks),
        TimeSpan s => DeltaText(s),
        _ => null,
    };

    /// <summary>Python's <c>repr()</c> of the value (null for other values).</summary>
    public static string? Repr(object? value)
    {
        switch (value)
        {
            case DateTime d:
                return $"datetime.datetime({d.Year}, {d.Month}, {d.Day}, {d.Hour}, {d.Minute}{SecondsPart(d.TimeOfDay.Ticks)})";
            case DateTimeOffset o:
                string tz = o.Offset == TimeSpan.Zero ? "datetime.timezone.utc" : $"datetime.timezone({DeltaRepr(o.Offset)})";
                return $"datetime.datetime({o.Year}, {o.Month}, {o.Day}, {o.Hour}, {o.Minute}{SecondsPart(o.TimeOfDay.Ticks)}, tzinfo={tz})";
            case DateOnly d:
                return $"datetime.date({d.Year}, {d.Month}, {d.Day})";
            case TimeOnly t:
                return $"datetime.time({t.Hour}, {t.Minute}{SecondsPart(t.Ticks)})";
            case TimeSpan s:
                return DeltaRepr(s);
            default:
                return null;
        }
    }

    private static string DateText(int y, int m, int d) =>
        y.ToString("D4", CultureInfo.InvariantCulture) + "-" + m.ToString("D2", CultureInfo.InvariantCulture) + "-" + d.ToString("D2", CultureInfo.InvariantCulture);

    private static string TimeText(long ticksOfDay)
    {
        long us = ticksOfDay / TicksPerMicrosecond;
        long seconds = us / 1_000_000, micro = us % 1_000_000;
        var sb = new StringBuilder();
        sb.Append((seconds / 3600).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
            .Append((seconds / 60 % 60).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
            .Append((seconds % 60).ToString("D2", CultureInfo.InvariantCulture));
        if (micro != 0)
        {
            sb.Append('.').Append(micro.ToString("D6", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string SecondsPart(long ticksOfDay)
    {
        long us = ticksOfDay / TicksPerMicrosecond;
        long second = us / 1_000_000 % 60, micro = us % 1_000_000;
        return micro != 0 ? $", {second}, {micro}" : second != 0 ? $", {second}" : "";
    }

    private static string OffsetText(TimeSpan offset)
    {
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        var a = offset.Duration();
        string text = $"{sign}{a.Hours + a.Days * 24:D2}:{a.Minutes:D2}";
        if (a.Seconds != 0 || a.Milliseconds != 0)
        {
            text += $":{a.Seconds:D2}";
        }
        return text;
    }

    private static (long Days, long Seconds, long Micro) Normalize(TimeSpan span)
    {
        // Ticks are 100 ns; timedelta keeps microseconds, rounding half to even.
        long us = Math.DivRem(span.Ticks, TicksPerMicrosecond, out long r);
        if (r < 0)
        {
            us--;
            r += TicksPerMicrosecond;
        }
        if (r * 2 > TicksPerMicrosecond || (r * 2 == TicksPerMicrosecond && us % 2 != 0))
        {
            us++;
        }
        const long perDay = 86_400_000_000;
        long days = Math.DivRem(us, perDay, out long rest);
        if (rest < 0)
        {
            days--;
            rest += perDay;
        }
        return (days, rest / 1_000_000, rest % 1_000_000);
    }

    private static string DeltaText(TimeSpan span)
    {
        var (days, seconds, micro) = Normalize(span);
        var sb = new StringBuilder();
        if (days != 0)
        {
            sb.Append(days.ToString(CultureInfo.InvariantCulture)).Append(Math.Abs(days) != 1 ? " days, " : " day, ");
        }
        sb.Append((seconds / 3600).ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append((seconds / 60 % 60).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
            .Append((seconds % 60).ToString("D2", CultureInfo.InvariantCulture));
        if (micro != 0)
        {
            sb.Append('.').Append(micro.ToString("D6", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string DeltaRepr(TimeSpan span)
    {
        var (days, seconds, micro) = Normalize(span);
        var parts = new List<string>();
        if (days != 0)
        {
            parts.Add("days=" + days.ToString(CultureInfo.InvariantCulture));
        }
        if (seconds != 0)
        {
            parts.Add("seconds=" + seconds.ToString(CultureInfo.InvariantCulture));
        }
        if (micro != 0)
        {
            parts.Add("microseconds=" + micro.ToString(CultureInfo.InvariantCulture));
        }
        return "datetime.timedelta(" + (parts.Count == 0 ? "0" : string.Join(", ", parts)) + ")";
    }
}
