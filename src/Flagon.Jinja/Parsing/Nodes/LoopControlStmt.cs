namespace Flagon.Jinja.Parsing.Nodes;

/// <summary>break or continue (loopcontrols extension).</summary>
internal sealed class LoopControlStmt(int line, bool isBreak) : Stmt(line)
{
    public bool IsBreak { get; } = isBreak;
}
