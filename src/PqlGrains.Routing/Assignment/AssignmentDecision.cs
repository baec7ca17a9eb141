using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Assignment;

/// <summary>
/// What the pool decided and why: the picked rep (or the overflow), every member passed over with
/// its reason, and the cursor to store for the next lead.
/// </summary>
public sealed record AssignmentDecision(
    string PoolId,
    AssignmentOutcome Outcome,
    Rep? Rep,
    PoolOverflow? Overflow,
    IReadOnlyList<SkippedRep> Skipped,
    int NextCursor)
{
    public string Explanation => Outcome == AssignmentOutcome.Assigned
        ? $"Pool {PoolId} assigned {Rep!.Name} ({Rep.Id}){Passed()}."
        : $"Pool {PoolId} had nobody eligible{Passed()}; lead queued in {Overflow!.Queue}, manager {Overflow.ManagerId} alerted.";

    private string Passed() => Skipped.Count == 0
        ? string.Empty
        : "; skipped " + string.Join(", ", Skipped.Select(s => $"{s.RepId} ({s.Detail})"));
}
