using Flagon.Jinja.Benchmarks.Workloads;

namespace Flagon.Jinja.Benchmarks.Engines;

/// <summary>One engine under test: templates parsed once, then rendered per call.</summary>
/// <remarks>
/// Every implementation renders the models in <see cref="BenchData"/> and must produce the bytes in
/// bench/expected/ (written by real Jinja2) before it is timed; see <see cref="CorrectnessGate"/>.
/// </remarks>
public interface ITemplateEngine
{
    /// <summary>The name used in the gate's report.</summary>
    string Name { get; }

    /// <summary>Renders a workload to a new string.</summary>
    string Render(Workload workload);

    /// <summary>Renders a workload into <paramref name="writer"/>.</summary>
    void Render(Workload workload, TextWriter writer);

    /// <summary>Parses and compiles the realistic page's template(s) from source; returns the result so
    /// the work cannot be optimised away. Null when the engine has no parse step (hand-written C#).</summary>
    object? ParsePage();
}
