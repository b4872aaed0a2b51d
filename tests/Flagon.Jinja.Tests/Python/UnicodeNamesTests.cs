using Flagon.Jinja.Python;

namespace Flagon.Jinja.Tests.Python;

/// <summary>Python's <c>\N{NAME}</c> lookup: names, aliases, and the algorithmic Hangul/CJK names.</summary>
public sealed class UnicodeNamesTests
{
    [Theory]
    [InlineData("LATIN SMALL LETTER A", 0x61)]
    [InlineData("latin small letter a", 0x61)]
    [InlineData("BULLET", 0x2022)]
    [InlineData("GRINNING FACE", 0x1F600)]
    [InlineData("LATIN SMALL LETTER GHA", 0x1A3)] // a correction alias
    [InlineData("BYTE ORDER MARK", 0xFEFF)] // an alternate alias
    [InlineData("NBSP", 0xA0)] // an abbreviation alias
    [InlineData("NULL", 0x0)] // a control alias
    [InlineData("HANGUL SYLLABLE GA", 0xAC00)]
    [InlineData("HANGUL SYLLABLE HIH", 0xD7A3)]
    [InlineData("HANGUL SYLLABLE A", 0xC544)]
    [InlineData("CJK UNIFIED IDEOGRAPH-4E00", 0x4E00)]
    [InlineData("CJK UNIFIED IDEOGRAPH-3134A", 0x3134A)]
    [InlineData("CJK UNIFIED IDEOGRAPH-04E00", 0x4E00)] // four or five hex digits, as CPython
    [InlineData("CJK COMPATIBILITY IDEOGRAPH-F900", 0xF900)]
    public void KnownNames(string name, int codePoint) => Assert.Equal(codePoint, UnicodeNames.Lookup(name));

    [Theory]
    [InlineData("NO SUCH NAME")]
    [InlineData(" BULLET")]
    [InlineData("")]
    [InlineData("hangul syllable ga")] // algorithmic names are case-sensitive in CPython
    [InlineData("HANGUL SYLLABLE GAX")]
    [InlineData("CJK UNIFIED IDEOGRAPH-4e00")]
    [InlineData("CJK UNIFIED IDEOGRAPH-A000")] // outside the unified ranges of Unicode 14
    [InlineData("LATıN SMALL LETTER A")] // only ASCII letters fold
    public void UnknownNames(string name) => Assert.Null(UnicodeNames.Lookup(name));
}
