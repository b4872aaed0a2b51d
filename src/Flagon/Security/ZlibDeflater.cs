namespace Flagon.Security;

/// <summary>
/// A deflate compressor whose output is bit-identical to zlib 1.2.x at level 6 (Python's
/// <c>zlib.compress</c> default), so compressed session cookies match Flask's byte for byte.
/// .NET's own <c>ZLibStream</c> is built on zlib-ng, whose valid output differs from classic zlib.
/// Same algorithm as classic zlib: hash chains over a 32 KiB window, lazy matching with level 6's
/// limits (good 8, lazy 16, nice 128, chain 128), blocks of up to 16383 symbols, and per block the
/// cheapest of stored, fixed and dynamic Huffman coding with length-limited trees.
/// </summary>
internal sealed class ZlibDeflater
{
    private const int WSize = 1 << 15;
    private const int WMask = WSize - 1;
    private const int WindowSize = 2 * WSize;
    private const int HashBits = 15;
    private const int HashSize = 1 << HashBits;
    private const int HashMask = HashSize - 1;
    private const int HashShift = (HashBits + MinMatch - 1) / MinMatch;
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int MinLookahead = MaxMatch + MinMatch + 1;
    private const int MaxDist = WSize - MinLookahead;
    private const int TooFar = 4096;
    private const int WinInit = MaxMatch;
    private const int GoodMatch = 8;
    private const int MaxLazy = 16;
    private const int NiceMatch = 128;
    private const int MaxChain = 128;
    private const int LitBufSize = 1 << 14;
    private const int SymEnd = (LitBufSize - 1) * 3;

    private const int Literals = 256;
    private const int LengthCodes = 29;
    private const int LCodes = Literals + 1 + LengthCodes;
    private const int DCodes = 30;
    private const int BlCodes = 19;
    private const int HeapSize = 2 * LCodes + 1;
    private const int MaxBits = 15;
    private const int MaxBlBits = 7;
    private const int EndBlock = 256;
    private const int Rep3To6 = 16;
    private const int RepZero3To10 = 17;
    private const int RepZero11To138 = 18;

    private static readonly int[] ExtraLBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] ExtraDBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static readonly int[] ExtraBlBits = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
    private static readonly int[] BlOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    private static readonly int[] BaseLength = new int[LengthCodes];
    private static readonly byte[] LengthCode = new byte[MaxMatch - MinMatch + 1];
    private static readonly int[] BaseDist = new int[DCodes];
    private static readonly byte[] DistCode = new byte[512];
    private static readonly int[] StaticLTreeLen = new int[LCodes + 2];
    private static readonly int[] StaticLTreeCode = new int[LCodes + 2];
    private static readonly int[] StaticDTreeLen = new int[DCodes];
    private static readonly int[] StaticDTreeCode = new int[DCodes];

    // Sliding window and hash chains.
    private readonly byte[] _window = new byte[WindowSize];
    private readonly int[] _prev = new int[WSize];
    private readonly int[] _head = new int[HashSize];
    private readonly byte[] _input;
    private int _inputPos;
    private long _highWater;
    private int _insH;
    private int _strStart;
    private long _blockStart;
    private int _lookahead;
    private int _insert;
    private int _matchLength = MinMatch - 1;
    private int _matchStart;
    private int _prevLength = MinMatch - 1;
    private int _prevMatch;
    private bool _matchAvailable;

    // Symbol buffer and trees.
    private readonly byte[] _symBuf = new byte[LitBufSize * 3];
    private int _symNext;
    private readonly Tree _lTree = new(HeapSize);
    private readonly Tree _dTree = new(2 * DCodes + 1);
    private readonly Tree _blTree = new(2 * BlCodes + 1);
    private readonly TreeDesc _lDesc;
    private readonly TreeDesc _dDesc;
    private readonly TreeDesc _blDesc;
    private readonly int[] _blCount = new int[MaxBits + 1];
    private readonly int[] _heap = new int[2 * LCodes + 1];
    private readonly int[] _depth = new int[2 * LCodes + 1];
    private int _heapLen;
    private int _heapMax;
    private long _optLen;
    private long _staticLen;

    // Output bits, least significant first.
    private readonly MemoryStream _out = new();
    private ulong _bitBuf;
    private int _bitCount;

    static ZlibDeflater()
    {
        int length = 0;
        int code;
        for (code = 0; code < LengthCodes - 1; code++)
        {
            BaseLength[code] = length;
            for (int n = 0; n < 1 << ExtraLBits[code]; n++)
            {
                LengthCode[length++] = (byte)code;
            }
        }
        // Length 258 has its own code (28) even though 227..257 could reach it with code 27's extra bits.
        LengthCode[length - 1] = (byte)code;
        int dist = 0;
        for (code = 0; code < 16; code++)
        {
            BaseDist[code] = dist;
            for (int n = 0; n < 1 << ExtraDBits[code]; n++)
            {
                DistCode[dist++] = (byte)code;
            }
        }
        dist >>= 7;
        for (; code < DCodes; code++)
        {
            BaseDist[code] = dist << 7;
            for (int n = 0; n < 1 << (ExtraDBits[code] - 7); n++)
            {
                DistCode[256 + dist++] = (byte)code;
            }
        }
        var count = new int[MaxBits + 1];
        int i = 0;
        while (i <= 143) { StaticLTreeLen[i++] = 8; count[8]++; }
        while (i <= 255) { StaticLTreeLen[i++] = 9; count[9]++; }
        while (i <= 279) { StaticLTreeLen[i++] = 7; count[7]++; }
        while (i <= 287) { StaticLTreeLen[i++] = 8; count[8]++; }
        GenCodes(StaticLTreeLen, StaticLTreeCode, LCodes + 1, count);
        for (i = 0; i < DCodes; i++)
        {
            StaticDTreeLen[i] = 5;
            StaticDTreeCode[i] = Reverse(i, 5);
        }
    }

    private ZlibDeflater(byte[] input)
    {
        _input = input;
        _lDesc = new TreeDesc(_lTree, StaticLTreeLen, ExtraLBits, Literals + 1, LCodes, MaxBits);
        _dDesc = new TreeDesc(_dTree, StaticDTreeLen, ExtraDBits, 0, DCodes, MaxBits);
        _blDesc = new TreeDesc(_blTree, null, ExtraBlBits, 0, BlCodes, MaxBlBits);
        InitBlock();
    }

    /// <summary>Compresses <paramref name="data"/> into a zlib stream (header 78 9C, deflate data, Adler-32), as zlib 1.2.x level 6 does.</summary>
    public static byte[] Compress(byte[] data)
    {
        var d = new ZlibDeflater(data);
        d._out.WriteByte(0x78);
        d._out.WriteByte(0x9C);
        d.DeflateSlow();
        uint adler = Adler32(data);
        d._out.WriteByte((byte)(adler >> 24));
        d._out.WriteByte((byte)(adler >> 16));
        d._out.WriteByte((byte)(adler >> 8));
        d._out.WriteByte((byte)adler);
        return d._out.ToArray();
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (byte x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    // ---- matching ----

    private void UpdateHash(byte c) => _insH = ((_insH << HashShift) ^ c) & HashMask;

    private int InsertString(int str)
    {
        UpdateHash(_window[str + MinMatch - 1]);
        int matchHead = _head[_insH];
        _prev[str & WMask] = matchHead;
        _head[_insH] = str;
        return matchHead;
    }

    private void FillWindow()
    {
        do
        {
            int more = WindowSize - _lookahead - _strStart;
            if (_strStart >= WSize + MaxDist)
            {
                Array.Copy(_window, WSize, _window, 0, WSize - more);
                _matchStart -= WSize;
                _strStart -= WSize;
                _blockStart -= WSize;
                if (_insert > _strStart)
                {
                    _insert = _strStart;
                }
                SlideHash();
                more += WSize;
            }
            if (_inputPos >= _input.Length)
            {
                break;
            }
            int n = Math.Min(more, _input.Length - _inputPos);
            Array.Copy(_input, _inputPos, _window, _strStart + _lookahead, n);
            _inputPos += n;
            _lookahead += n;
            if (_lookahead + _insert >= MinMatch)
            {
                int str = _strStart - _insert;
                _insH = _window[str];
                UpdateHash(_window[str + 1]);
                while (_insert != 0)
                {
                    UpdateHash(_window[str + MinMatch - 1]);
                    _prev[str & WMask] = _head[_insH];
                    _head[_insH] = str;
                    str++;
                    _insert--;
                    if (_lookahead + _insert < MinMatch)
                    {
                        break;
                    }
                }
            }
        }
        while (_lookahead < MinLookahead && _inputPos < _input.Length);

        // Bytes just past the data are read by the match loop; zlib zeroes them, and so do we.
        if (_highWater < WindowSize)
        {
            long curr = _strStart + (long)_lookahead;
            if (_highWater < curr)
            {
                long init = Math.Min(WindowSize - curr, WinInit);
                Array.Clear(_window, (int)curr, (int)init);
                _highWater = curr + init;
            }
            else if (_highWater < curr + WinInit)
            {
                long init = Math.Min(curr + WinInit - _highWater, WindowSize - _highWater);
                Array.Clear(_window, (int)_highWater, (int)init);
                _highWater += init;
            }
        }
    }

    private void SlideHash()
    {
        for (int i = 0; i < HashSize; i++)
        {
            int m = _head[i];
            _head[i] = m >= WSize ? m - WSize : 0;
        }
        for (int i = 0; i < WSize; i++)
        {
            int m = _prev[i];
            _prev[i] = m >= WSize ? m - WSize : 0;
        }
    }

    private int LongestMatch(int curMatch)
    {
        int chainLength = MaxChain;
        int scan = _strStart;
        int bestLen = _prevLength;
        int niceMatch = NiceMatch;
        int limit = _strStart > MaxDist ? _strStart - MaxDist : 0;
        int strEnd = _strStart + MaxMatch;
        byte scanEnd1 = _window[scan + bestLen - 1];
        byte scanEnd = _window[scan + bestLen];
        byte[] w = _window;
        if (_prevLength >= GoodMatch)
        {
            chainLength >>= 2;
        }
        if (niceMatch > _lookahead)
        {
            niceMatch = _lookahead;
        }
        do
        {
            int match = curMatch;
            if (w[match + bestLen] != scanEnd || w[match + bestLen - 1] != scanEnd1
                || w[match] != w[scan] || w[match + 1] != w[scan + 1])
            {
                continue;
            }
            // The first two bytes match (the hash guarantees the third); compare up to 258 bytes.
            int s = scan + 2;
            int m = match + 2;
            while (s < strEnd && w[s + 1] == w[m + 1])
            {
                s++;
                m++;
            }
            // zlib's unrolled loop compares in steps that may stop one past strend; replicate its length.
            int len = s + 1 >= strEnd ? MaxMatch : s + 1 - scan;
            if (len > bestLen)
            {
                _matchStart = curMatch;
                bestLen = len;
                if (len >= niceMatch)
                {
                    break;
                }
                scanEnd1 = w[scan + bestLen - 1];
                scanEnd = w[scan + bestLen];
            }
        }
        while ((curMatch = _prev[curMatch & WMask]) > limit && --chainLength != 0);
        return bestLen <= _lookahead ? bestLen : _lookahead;
    }

    private void DeflateSlow()
    {
        while (true)
        {
            if (_lookahead < MinLookahead)
            {
                FillWindow();
                if (_lookahead == 0)
                {
                    break;
                }
            }
            int hashHead = 0;
            if (_lookahead >= MinMatch)
            {
                hashHead = InsertString(_strStart);
            }
            _prevLength = _matchLength;
            _prevMatch = _matchStart;
            _matchLength = MinMatch - 1;
            if (hashHead != 0 && _prevLength < MaxLazy && _strStart - hashHead <= MaxDist)
            {
                _matchLength = LongestMatch(hashHead);
                if (_matchLength <= 5 && _matchLength == MinMatch && _strStart - _matchStart > TooFar)
                {
                    _matchLength = MinMatch - 1;
                }
            }
            if (_prevLength >= MinMatch && _matchLength <= _prevLength)
            {
                int maxInsert = _strStart + _lookahead - MinMatch;
                bool flush = TallyDist(_strStart - 1 - _prevMatch, _prevLength - MinMatch);
                _lookahead -= _prevLength - 1;
                _prevLength -= 2;
                do
                {
                    if (++_strStart <= maxInsert)
                    {
                        InsertString(_strStart);
                    }
                }
                while (--_prevLength != 0);
                _matchAvailable = false;
                _matchLength = MinMatch - 1;
                _strStart++;
                if (flush)
                {
                    FlushBlock(false);
                }
            }
            else if (_matchAvailable)
            {
                if (TallyLit(_window[_strStart - 1]))
                {
                    FlushBlock(false);
                }
                _strStart++;
                _lookahead--;
            }
            else
            {
                _matchAvailable = true;
                _strStart++;
                _lookahead--;
            }
        }
        if (_matchAvailable)
        {
            TallyLit(_window[_strStart - 1]);
            _matchAvailable = false;
        }
        _insert = _strStart < MinMatch - 1 ? _strStart : MinMatch - 1;
        FlushBlock(true);
    }

    private void FlushBlock(bool last)
    {
        FlushBlockCore(_blockStart >= 0 ? (int)_blockStart : -1, (int)(_strStart - _blockStart), last);
        _blockStart = _strStart;
    }

    // ---- trees ----

    private bool TallyLit(byte c)
    {
        _symBuf[_symNext++] = 0;
        _symBuf[_symNext++] = 0;
        _symBuf[_symNext++] = c;
        _lTree.Freq[c]++;
        return _symNext == SymEnd;
    }

    private bool TallyDist(int dist, int len)
    {
        _symBuf[_symNext++] = (byte)dist;
        _symBuf[_symNext++] = (byte)(dist >> 8);
        _symBuf[_symNext++] = (byte)len;
        dist--;
        _lTree.Freq[LengthCode[len] + Literals + 1]++;
        _dTree.Freq[DCode(dist)]++;
        return _symNext == SymEnd;
    }

    private static int DCode(int dist) => dist < 256 ? DistCode[dist] : DistCode[256 + (dist >> 7)];

    private void InitBlock()
    {
        Array.Clear(_lTree.Freq, 0, LCodes);
        Array.Clear(_dTree.Freq, 0, DCodes);
        Array.Clear(_blTree.Freq, 0, BlCodes);
        _lTree.Freq[EndBlock] = 1;
        _optLen = _staticLen = 0;
        _symNext = 0;
    }

    private void FlushBlockCore(int bufStart, int storedLen, bool last)
    {
        BuildTree(_lDesc);
        BuildTree(_dDesc);
        int maxBlIndex = BuildBlTree();
        long optLenB = (_optLen + 3 + 7) >> 3;
        long staticLenB = (_staticLen + 3 + 7) >> 3;
        if (staticLenB <= optLenB)
        {
            optLenB = staticLenB;
        }
        if (storedLen + 4 <= optLenB && bufStart >= 0)
        {
            SendBits(last ? 1 : 0, 3); // stored block
            Windup();
            WriteShortLsb(storedLen);
            WriteShortLsb(~storedLen & 0xFFFF);
            _out.Write(_window, bufStart, storedLen);
        }
        else if (staticLenB == optLenB)
        {
            SendBits((1 << 1) + (last ? 1 : 0), 3);
            CompressBlock(StaticLTreeLen, StaticLTreeCode, StaticDTreeLen, StaticDTreeCode);
        }
        else
        {
            SendBits((2 << 1) + (last ? 1 : 0), 3);
            SendAllTrees(_lDesc.MaxCode + 1, _dDesc.MaxCode + 1, maxBlIndex + 1);
            CompressBlock(_lTree.Len, _lTree.Code, _dTree.Len, _dTree.Code);
        }
        InitBlock();
        if (last)
        {
            Windup();
        }
    }

    private bool Smaller(Tree tree, int n, int m) =>
        tree.Freq[n] < tree.Freq[m] || (tree.Freq[n] == tree.Freq[m] && _depth[n] <= _depth[m]);

    private void PqDownHeap(Tree tree, int k)
    {
        int v = _heap[k];
        int j = k << 1;
        while (j <= _heapLen)
        {
            if (j < _heapLen && Smaller(tree, _heap[j + 1], _heap[j]))
            {
                j++;
            }
            if (Smaller(tree, v, _heap[j]))
            {
                break;
            }
            _heap[k] = _heap[j];
            k = j;
            j <<= 1;
        }
        _heap[k] = v;
    }

    private void BuildTree(TreeDesc desc)
    {
        var tree = desc.Tree;
        int elems = desc.Elems;
        int maxCode = -1;
        _heapLen = 0;
        _heapMax = HeapSize;
        for (int n = 0; n < elems; n++)
        {
            if (tree.Freq[n] != 0)
            {
                _heap[++_heapLen] = maxCode = n;
                _depth[n] = 0;
            }
            else
            {
                tree.Len[n] = 0;
            }
        }
        // Deflate needs at least two codes of non-zero frequency.
        while (_heapLen < 2)
        {
            int node = _heap[++_heapLen] = maxCode < 2 ? ++maxCode : 0;
            tree.Freq[node] = 1;
            _depth[node] = 0;
            _optLen--;
            if (desc.StaticLen is not null)
            {
                _staticLen -= desc.StaticLen[node];
            }
        }
        desc.MaxCode = maxCode;
        for (int n = _heapLen / 2; n >= 1; n--)
        {
            PqDownHeap(tree, n);
        }
        int next = elems;
        do
        {
            int n = _heap[1];
            _heap[1] = _heap[_heapLen--];
            PqDownHeap(tree, 1);
            int m = _heap[1];
            _heap[--_heapMax] = n;
            _heap[--_heapMax] = m;
            tree.Freq[next] = tree.Freq[n] + tree.Freq[m];
            _depth[next] = (byte)((_depth[n] >= _depth[m] ? _depth[n] : _depth[m]) + 1);
            tree.Dad[n] = tree.Dad[m] = next;
            _heap[1] = next++;
            PqDownHeap(tree, 1);
        }
        while (_heapLen >= 2);
        _heap[--_heapMax] = _heap[1];
        GenBitLen(desc);
        GenCodes(tree.Len, tree.Code, maxCode, _blCount);
    }

    private void GenBitLen(TreeDesc desc)
    {
        var tree = desc.Tree;
        int maxCode = desc.MaxCode;
        int overflow = 0;
        Array.Clear(_blCount);
        tree.Len[_heap[_heapMax]] = 0;
        int h;
        for (h = _heapMax + 1; h < HeapSize; h++)
        {
            int n = _heap[h];
            int bits = tree.Len[tree.Dad[n]] + 1;
            if (bits > desc.MaxLength)
            {
                bits = desc.MaxLength;
                overflow++;
            }
            tree.Len[n] = bits;
            if (n > maxCode)
            {
                continue;
            }
            _blCount[bits]++;
            int xbits = n >= desc.ExtraBase ? desc.ExtraBits[n - desc.ExtraBase] : 0;
            long f = tree.Freq[n];
            _optLen += f * (bits + xbits);
            if (desc.StaticLen is not null)
            {
                _staticLen += f * (desc.StaticLen[n] + xbits);
            }
        }
        if (overflow == 0)
        {
            return;
        }
        do
        {
            int bits = desc.MaxLength - 1;
            while (_blCount[bits] == 0)
            {
                bits--;
            }
            _blCount[bits]--;
            _blCount[bits + 1] += 2;
            _blCount[desc.MaxLength]--;
            overflow -= 2;
        }
        while (overflow > 0);
        for (int bits = desc.MaxLength; bits != 0; bits--)
        {
            int n = _blCount[bits];
            while (n != 0)
            {
                int m = _heap[--h];
                if (m > maxCode)
                {
                    continue;
                }
                if (tree.Len[m] != bits)
                {
                    _optLen += ((long)bits - tree.Len[m]) * tree.Freq[m];
                    tree.Len[m] = bits;
                }
                n--;
            }
        }
    }

    private static void GenCodes(int[] len, int[] codes, int maxCode, int[] blCount)
    {
        var nextCode = new int[MaxBits + 1];
        int code = 0;
        for (int bits = 1; bits <= MaxBits; bits++)
        {
            code = (code + blCount[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        for (int n = 0; n <= maxCode; n++)
        {
            int l = len[n];
            if (l != 0)
            {
                codes[n] = Reverse(nextCode[l]++, l);
            }
        }
    }

    private static int Reverse(int code, int len)
    {
        int res = 0;
        do
        {
            res |= code & 1;
            code >>= 1;
            res <<= 1;
        }
        while (--len > 0);
        return res >> 1;
    }

    private void ScanTree(Tree tree, int maxCode)
    {
        int prevLen = -1;
        int nextLen = tree.Len[0];
        int count = 0;
        int maxCount = 7;
        int minCount = 4;
        if (nextLen == 0)
        {
            maxCount = 138;
            minCount = 3;
        }
        tree.Len[maxCode + 1] = 0xFFFF; // guard
        for (int n = 0; n <= maxCode; n++)
        {
            int curLen = nextLen;
            nextLen = tree.Len[n + 1];
            if (++count < maxCount && curLen == nextLen)
            {
                continue;
            }
            else if (count < minCount)
            {
                _blTree.Freq[curLen] += count;
            }
            else if (curLen != 0)
            {
                if (curLen != prevLen)
                {
                    _blTree.Freq[curLen]++;
                }
                _blTree.Freq[Rep3To6]++;
            }
            else if (count <= 10)
            {
                _blTree.Freq[RepZero3To10]++;
            }
            else
            {
                _blTree.Freq[RepZero11To138]++;
            }
            count = 0;
            prevLen = curLen;
            (maxCount, minCount) = nextLen == 0 ? (138, 3) : curLen == nextLen ? (6, 3) : (7, 4);
        }
    }

    private void SendTree(Tree tree, int maxCode)
    {
        int prevLen = -1;
        int nextLen = tree.Len[0];
        int count = 0;
        int maxCount = 7;
        int minCount = 4;
        if (nextLen == 0)
        {
            maxCount = 138;
            minCount = 3;
        }
        for (int n = 0; n <= maxCode; n++)
        {
            int curLen = nextLen;
            nextLen = tree.Len[n + 1];
            if (++count < maxCount && curLen == nextLen)
            {
                continue;
            }
            else if (count < minCount)
            {
                do
                {
                    SendCode(curLen, _blTree.Len, _blTree.Code);
                }
                while (--count != 0);
            }
            else if (curLen != 0)
            {
                if (curLen != prevLen)
                {
                    SendCode(curLen, _blTree.Len, _blTree.Code);
                    count--;
                }
                SendCode(Rep3To6, _blTree.Len, _blTree.Code);
                SendBits(count - 3, 2);
            }
            else if (count <= 10)
            {
                SendCode(RepZero3To10, _blTree.Len, _blTree.Code);
                SendBits(count - 3, 3);
            }
            else
            {
                SendCode(RepZero11To138, _blTree.Len, _blTree.Code);
                SendBits(count - 11, 7);
            }
            count = 0;
            prevLen = curLen;
            (maxCount, minCount) = nextLen == 0 ? (138, 3) : curLen == nextLen ? (6, 3) : (7, 4);
        }
    }

    private int BuildBlTree()
    {
        ScanTree(_lTree, _lDesc.MaxCode);
        ScanTree(_dTree, _dDesc.MaxCode);
        BuildTree(_blDesc);
        int maxBlIndex;
        for (maxBlIndex = BlCodes - 1; maxBlIndex >= 3; maxBlIndex--)
        {
            if (_blTree.Len[BlOrder[maxBlIndex]] != 0)
            {
                break;
            }
        }
        _optLen += 3 * ((long)maxBlIndex + 1) + 5 + 5 + 4;
        return maxBlIndex;
    }

    private void SendAllTrees(int lCodes, int dCodes, int blCodes)
    {
        SendBits(lCodes - 257, 5);
        SendBits(dCodes - 1, 5);
        SendBits(blCodes - 4, 4);
        for (int rank = 0; rank < blCodes; rank++)
        {
            SendBits(_blTree.Len[BlOrder[rank]], 3);
        }
        SendTree(_lTree, lCodes - 1);
        SendTree(_dTree, dCodes - 1);
    }

    private void CompressBlock(int[] lLen, int[] lCode, int[] dLen, int[] dCode)
    {
        for (int sx = 0; sx < _symNext;)
        {
            int dist = _symBuf[sx++];
            dist += _symBuf[sx++] << 8;
            int lc = _symBuf[sx++];
            if (dist == 0)
            {
                SendCode(lc, lLen, lCode);
                continue;
            }
            int code = LengthCode[lc];
            SendCode(code + Literals + 1, lLen, lCode);
            int extra = ExtraLBits[code];
            if (extra != 0)
            {
                SendBits(lc - BaseLength[code], extra);
            }
            dist--;
            code = DCode(dist);
            SendCode(code, dLen, dCode);
            extra = ExtraDBits[code];
            if (extra != 0)
            {
                SendBits(dist - BaseDist[code], extra);
            }
        }
        SendCode(EndBlock, lLen, lCode);
    }

    // ---- bits ----

    private void SendCode(int c, int[] len, int[] code) => SendBits(code[c], len[c]);

    private void SendBits(int value, int length)
    {
        _bitBuf |= (ulong)(uint)value << _bitCount;
        _bitCount += length;
        while (_bitCount >= 8)
        {
            _out.WriteByte((byte)_bitBuf);
            _bitBuf >>= 8;
            _bitCount -= 8;
        }
    }

    private void Windup()
    {
        if (_bitCount > 0)
        {
            _out.WriteByte((byte)_bitBuf);
        }
        _bitBuf = 0;
        _bitCount = 0;
    }

    private void WriteShortLsb(int value)
    {
        _out.WriteByte((byte)value);
        _out.WriteByte((byte)(value >> 8));
    }

    private sealed class Tree(int size)
    {
        public readonly int[] Freq = new int[size];
        public readonly int[] Code = new int[size];
        public readonly int[] Len = new int[size];
        public readonly int[] Dad = new int[size];
    }

    private sealed class TreeDesc(Tree tree, int[]? staticLen, int[] extraBits, int extraBase, int elems, int maxLength)
    {
        public Tree Tree { get; } = tree;
        public int[]? StaticLen { get; } = staticLen;
        public int[] ExtraBits { get; } = extraBits;
        public int ExtraBase { get; } = extraBase;
        public int Elems { get; } = elems;
        public int MaxLength { get; } = maxLength;
        public int MaxCode { get; set; }
    }
}
