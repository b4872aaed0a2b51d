using System.Globalization;
using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Chat;

/// <summary>PyStrftime against CPython's datetime.strftime (C locale), recorded by Fixtures/generate_chat.py.</summary>
public sealed class StrftimeTests
{
    public static IEnumerable<object[]> Cases => ChatFixtures.Strftime();

    [Theory]
    [MemberData(nameof(Cases))]
    public void FormatsLikePython(string time, string format, string expected) =>
        Assert.Equal(expected, PyStrftime.Format(DateTime.Parse(time, CultureInfo.InvariantCulture), format));
}
