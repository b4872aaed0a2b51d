namespace FlagonBench;

/// <summary>One row of the fortune table.</summary>
public sealed record Fortune(int Id, string Message);
