using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using Flagon.Security;

namespace Flagon.Tests.Security;

/// <summary>
/// Signatures and password hashes are compared with <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// Proven by reading the compiled code path (the IL of the comparison methods) and by observing that
/// every verification goes through the comparison hook, for every key, not by timing.
/// </summary>
public class ConstantTimeComparisonTests
{
    private static readonly MethodInfo FixedTimeEquals = typeof(CryptographicOperations).GetMethod(
        nameof(CryptographicOperations.FixedTimeEquals), [typeof(ReadOnlySpan<byte>), typeof(ReadOnlySpan<byte>)])!;

    /// <summary>The methods a method body calls, read from its IL.</summary>
    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        var opcodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);
        byte[] il = method.GetMethodBody()!.GetILAsByteArray()!;
        var calls = new List<MethodBase>();
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = opcodes[value];
            i += op.Size;
            if (op.OperandType == OperandType.InlineMethod)
            {
                calls.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, i))!);
            }
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
        return calls;
    }

    [Fact]
    public void SignerComparesWithFixedTimeEquals()
    {
        var compare = typeof(Signer).GetMethod("CompareSignatures", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var calls = CalledMethods(compare);
        Assert.Contains(FixedTimeEquals, calls);
        Assert.DoesNotContain(calls, m => m.Name is "SequenceEqual" or "Equals" or "op_Equality");
    }

    [Fact]
    public void PasswordHashComparesWithFixedTimeEquals()
    {
        var check = typeof(PasswordHash).GetMethod(nameof(PasswordHash.Check))!;
        var compare = typeof(PasswordHash).GetMethod("CompareHashes", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Contains(compare, CalledMethods(check));
        Assert.Contains(FixedTimeEquals, CalledMethods(compare));
        Assert.DoesNotContain(CalledMethods(check), m => m.Name is "op_Equality" or "SequenceEqual" or "Equals");
    }

    [Fact]
    public void VerificationGoesThroughTheComparisonForEveryKey()
    {
        var signer = new RecordingSigner(["k1", "k2", "k3"]);
        string signed = new Signer("k3").Sign("value");
        Assert.Equal("value", signer.Unsign(signed));
        // All three keys are compared even though the newest matched first: no early exit reveals which key matched.
        Assert.Equal(3, signer.Comparisons);
        signer.Comparisons = 0;
        Assert.False(signer.Validate("value.AAAA"));
        Assert.Equal(3, signer.Comparisons);
    }

    [Fact]
    public void VerifySignatureUsesNoOtherEqualityOnSignatureBytes()
    {
        var verify = typeof(Signer).GetMethod(nameof(Signer.VerifySignature))!;
        var calls = CalledMethods(verify);
        Assert.Contains(calls, m => m.Name == "CompareSignatures");
        Assert.DoesNotContain(calls, m => m.Name is "SequenceEqual" or "op_Equality" or "Equals" or "CompareOrdinal");
    }

    private sealed class RecordingSigner(IEnumerable<string> keys) : Signer(keys)
    {
        public int Comparisons { get; set; }

        protected override bool CompareSignatures(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
        {
            Comparisons++;
            return base.CompareSignatures(expected, actual);
        }
    }
}
