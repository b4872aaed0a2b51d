namespace Flagon.Jinja.Tests.Conformance;

/// <summary>
/// When <c>FLAGON_CONFORMANCE_REPORT</c> names a file, every case appends a <c>name RUN</c> line
/// before it renders and one tab-separated result line after: name, PASS or FAIL, the cause, and
/// the notes. A RUN without a result means the case killed the test process (a stack overflow):
/// <c>run-all.sh</c> then reruns the rest without it. <c>summarize.py</c> turns it into STATUS.md.
/// </summary>
public static class ConformanceReport
{
    private static readonly object s_lock = new();
    private static readonly string? s_path = Environment.GetEnvironmentVariable("FLAGON_CONFORMANCE_REPORT");

    public static void Start(FixtureCase c)
    {
        if (!string.IsNullOrEmpty(s_path))
        {
            lock (s_lock)
            {
                File.AppendAllText(s_path, c.Name + "\tRUN\n");
            }
        }
    }

    public static void Record(FixtureCase c, CaseVerdict verdict)
    {
        if (string.IsNullOrEmpty(s_path))
        {
            return;
        }
        string line = string.Join('\t',
            c.Name,
            verdict.Passed ? "PASS" : "FAIL",
            Clean(verdict.Cause ?? ""),
            Clean(string.Join(" | ", verdict.Notes))) + "\n";
        lock (s_lock)
        {
            File.AppendAllText(s_path, line);
        }
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
