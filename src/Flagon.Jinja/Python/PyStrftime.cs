using System.Globalization;
using System.Text;

namespace Flagon.Jinja.Python;

/// <summary>
/// Python's <c>datetime.strftime</c> for a naive local time in the C locale (as CPython on glibc
/// formats it), so prompts that print the date match transformers' <c>strftime_now</c>.
/// </summary>
public static class PyStrftime
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// Formats <paramref name="time"/> with <paramref name="format"/>: the C89/POSIX directives
    /// (<c>%a %A %b %B %c %C %d %D %e %F %f %g %G %H %I %j %k %l %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%</c>)
    /// and glibc's padding flags <c>-</c>, <c>_</c> and <c>0</c>. Unknown directives are copied as they are, as glibc does.
    /// </summary>
    public static string Format(DateTime time, string format)
    {
        var sb = new StringBuilder(format.Length + 16);
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }
            int start = i;
            char flag = '\0';
            if (format[i + 1] is '-' or '_' or '0' && i + 2 < format.Length)
            {
                flag = format[i + 1];
                i++;
            }
            char d = format[++i];
            if (!Directive(sb, time, d, flag))
            {
                sb.Append(format, start, i - start + 1);
            }
        }
        return sb.ToString();
    }

    private static bool Directive(StringBuilder sb, DateTime t, char d, char flag)
    {
        switch (d)
        {
            case 'a': sb.Append(Days[(int)t.DayOfWeek], 0, 3); return true;
            case 'A': sb.Append(Days[(int)t.DayOfWeek]); return true;
            case 'b' or 'h': sb.Append(Months[t.Month - 1], 0, 3); return true;
            case 'B': sb.Append(Months[t.Month - 1]); return true;
            case 'c':
                sb.Append(Days[(int)t.DayOfWeek], 0, 3).Append(' ').Append(Months[t.Month - 1], 0, 3).Append(' ');
                Num(sb, t.Day, 2, ' ', flag);
                sb.Append(' ').Append(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ');
                Num(sb, t.Year, 1, '0', flag);
                return true;
            case 'C': Num(sb, t.Year / 100, 2, '0', flag); return true;
            case 'd': Num(sb, t.Day, 2, '0', flag); return true;
            case 'D': sb.Append(t.ToString("MM/dd/yy", CultureInfo.InvariantCulture)); return true;
            case 'e': Num(sb, t.Day, 2, ' ', flag); return true;
            case 'F':
                Num(sb, t.Year, 1, '0', '\0');
                sb.Append(t.ToString("-MM-dd", CultureInfo.InvariantCulture));
                return true;
            case 'f': Num(sb, (int)(t.Ticks % TimeSpan.TicksPerSecond / 10), 6, '0', flag); return true;
            case 'g': Num(sb, ISOWeek.GetYear(t) % 100, 2, '0', flag); return true;
            case 'G': Num(sb, ISOWeek.GetYear(t), 1, '0', flag); return true;
            case 'H': Num(sb, t.Hour, 2, '0', flag); return true;
            case 'I': Num(sb, Hour12(t), 2, '0', flag); return true;
            case 'j': Num(sb, t.DayOfYear, 3, '0', flag); return true;
            case 'k': Num(sb, t.Hour, 2, ' ', flag); return true;
            case 'l': Num(sb, Hour12(t), 2, ' ', flag); return true;
            case 'm': Num(sb, t.Month, 2, '0', flag); return true;
            case 'M': Num(sb, t.Minute, 2, '0', flag); return true;
            case 'n': sb.Append('\n'); return true;
            case 'p': sb.Append(t.Hour < 12 ? "AM" : "PM"); return true;
            case 'P': sb.Append(t.Hour < 12 ? "am" : "pm"); return true;
            case 'r':
                Num(sb, Hour12(t), 2, '0', '\0');
                sb.Append(t.ToString(":mm:ss", CultureInfo.InvariantCulture)).Append(t.Hour < 12 ? " AM" : " PM");
                return true;
            case 'R': sb.Append(t.ToString("HH:mm", CultureInfo.InvariantCulture)); return true;
            case 'S': Num(sb, t.Second, 2, '0', flag); return true;
            case 't': sb.Append('\t'); return true;
            case 'T' or 'X': sb.Append(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)); return true;
            case 'u': sb.Append(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek); return true;
            case 'U': Num(sb, (t.DayOfYear + 6 - (int)t.DayOfWeek) / 7, 2, '0', flag); return true;
            case 'V': Num(sb, ISOWeek.GetWeekOfYear(t), 2, '0', flag); return true;
            case 'w': sb.Append((int)t.DayOfWeek); return true;
            case 'W': Num(sb, (t.DayOfYear + 6 - ((int)t.DayOfWeek + 6) % 7) / 7, 2, '0', flag); return true;
            case 'x': sb.Append(t.ToString("MM/dd/yy", CultureInfo.InvariantCulture)); return true;
            case 'y': Num(sb, t.Year % 100, 2, '0', flag); return true;
            case 'Y': Num(sb, t.Year, 1, '0', flag); return true;
            case 'z' or 'Z': return true; // a naive datetime has no offset or zone name: Python prints nothing
            case '%': sb.Append('%'); return true;
            default: return false;
        }
    }

    private static int Hour12(DateTime t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static void Num(StringBuilder sb, int value, int width, char pad, char flag)
    {
        string digits = value.ToString(CultureInfo.InvariantCulture);
        if (flag != '-')
        {
            char p = flag == '_' ? ' ' : flag == '0' ? '0' : pad;
            for (int i = digits.Length; i < width; i++)
            {
                sb.Append(p);
            }
        }
        sb.Append(digits);
    }
}
