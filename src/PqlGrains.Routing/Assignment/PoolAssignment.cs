using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Assignment;

/// <summary>
/// Round-robin assignment as a pure function: same request, same decision. Race-freedom comes from
/// a single caller per pool (the pool grain) storing <see cref="AssignmentDecision.NextCursor"/>.
/// </summary>
public static class PoolAssignment
{
    public static AssignmentDecision Assign(AssignmentRequest request)
    {
        var members = request.Pool.Members;
        var skipped = new List<SkippedRep>();
        if (members.Count == 0)
        {
            return Overflow(request, skipped);
        }

        var start = Modulo(request.Cursor, members.Count);
        for (var offset = 0; offset < members.Count; offset++)
        {
            var index = (start + offset) % members.Count;
            var repId = members[index];
            var reason = Ineligibility(request, repId);
            if (reason is null)
            {
                return new AssignmentDecision(request.Pool.Id, AssignmentOutcome.Assigned, request.Reps[repId], null, skipped, (index + 1) % members.Count);
            }

            skipped.Add(reason);
        }

        return Overflow(request, skipped);
    }

    /// <summary>Why the rep cannot take a lead now, or null when eligible.</summary>
    public static SkippedRep? Ineligibility(AssignmentRequest request, string repId)
    {
        if (!request.Reps.TryGetValue(repId, out var rep))
        {
            return new SkippedRep(repId, SkipReason.UnknownRep, "not in the routing file");
        }

        if (repId == request.ExcludedRepId)
        {
            return new SkippedRep(repId, SkipReason.PreviousAssignee, "missed this lead's SLA; re-queue goes to someone else");
        }

        if (rep.OutOfOfficeAt(request.Now) is { } away)
        {
            return new SkippedRep(repId, SkipReason.OutOfOffice, $"out of office {away.From:yyyy-MM-dd} to {away.To:yyyy-MM-dd}");
        }

        if (!rep.WorkingHours.IsOnShift(request.Now))
        {
            var local = rep.WorkingHours.ToLocal(request.Now);
            return new SkippedRep(repId, SkipReason.OffShift, $"off shift ({local:ddd HH:mm} in {rep.WorkingHours.TimeZone.Id})");
        }

        if (request.Lead is { } lead && OutsideTerritory(rep, lead))
        {
            return new SkippedRep(repId, SkipReason.OutsideTerritory, $"covers {string.Join(", ", rep.Territories)}, not {lead.Country ?? "-"}/{lead.Region ?? "-"}");
        }

        if (request.Lead?.Segment is { } segment && rep.Segment is { } repSegment && segment != repSegment)
        {
            return new SkippedRep(repId, SkipReason.OtherSegment, $"works {repSegment}, lead is {segment}");
        }

        var open = request.OpenLeads.GetValueOrDefault(repId);
        if (open >= rep.Capacity)
        {
            return new SkippedRep(repId, SkipReason.AtCapacity, $"at capacity ({open} open of {rep.Capacity})");
        }

        return null;
    }

    private static bool OutsideTerritory(Rep rep, LeadPlacement lead)
    {
        if (rep.Territories.Count == 0 || (lead.Country is null && lead.Region is null))
        {
            return false;
        }

        return !rep.Territories.Any(territory =>
            string.Equals(territory, lead.Country, StringComparison.OrdinalIgnoreCase)
            || string.Equals(territory, lead.Region, StringComparison.OrdinalIgnoreCase));
    }

    private static AssignmentDecision Overflow(AssignmentRequest request, List<SkippedRep> skipped) =>
        new(request.Pool.Id, AssignmentOutcome.Overflow, null, request.Pool.Overflow, skipped, request.Cursor);

    private static int Modulo(int value, int count) => ((value % count) + count) % count;
}
