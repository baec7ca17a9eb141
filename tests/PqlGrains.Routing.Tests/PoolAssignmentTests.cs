using PqlGrains.Routing.Assignment;
using PqlGrains.Routing.Model;
using static PqlGrains.Routing.Tests.Reps;

namespace PqlGrains.Routing.Tests;

public sealed class PoolAssignmentTests
{
    // Wednesday 2026-01-07 15:00 UTC = 10:00 in New York, 16:00 in Berlin.
    private static readonly DateTimeOffset WednesdayAfternoonUtc = new(2026, 1, 7, 15, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, int> NoOpenLeads = [];

    [Fact]
    public void Rep_with_eight_open_leads_and_capacity_eight_gets_no_ninth()
    {
        var reps = ById(Rep("a", capacity: 8), Rep("b", capacity: 8));
        var request = new AssignmentRequest(Pool("a", "b"), reps, new Dictionary<string, int> { ["a"] = 8, ["b"] = 3 }, WednesdayAfternoonUtc, Cursor: 0);

        var decision = PoolAssignment.Assign(request);

        Assert.Equal(AssignmentOutcome.Assigned, decision.Outcome);
        Assert.Equal("b", decision.Rep!.Id);
        var skipped = Assert.Single(decision.Skipped);
        Assert.Equal(new SkippedRep("a", SkipReason.AtCapacity, "at capacity (8 open of 8)"), skipped);
        Assert.Equal("Pool pool assigned Rep b (b); skipped a (at capacity (8 open of 8)).", decision.Explanation);
    }

    [Fact]
    public void Rep_under_capacity_is_eligible()
    {
        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a"), ById(Rep("a", capacity: 8)), new Dictionary<string, int> { ["a"] = 7 }, WednesdayAfternoonUtc, 0));

        Assert.Equal("a", decision.Rep!.Id);
    }

    [Fact]
    public void Rep_out_of_office_is_skipped_with_the_dates()
    {
        var away = new DateRange(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 9));
        var reps = ById(Rep("a", outOfOffice: away), Rep("b"));

        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a", "b"), reps, NoOpenLeads, WednesdayAfternoonUtc, 0));

        Assert.Equal("b", decision.Rep!.Id);
        Assert.Equal(SkipReason.OutOfOffice, decision.Skipped.Single().Reason);
        Assert.Contains("2026-01-05 to 2026-01-09", decision.Skipped.Single().Detail);
    }

    [Fact]
    public void Out_of_office_days_are_read_in_the_reps_time_zone()
    {
        // 2026-01-08 03:00 UTC is still 2026-01-07 22:00 in New York: the rep is back from a leave ending on the 7th only in Berlin's view.
        var instant = new DateTimeOffset(2026, 1, 8, 3, 0, 0, TimeSpan.Zero);
        var awayUntilSeventh = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 7));
        var newYorker = Rep("ny", hours: WorkingHours.Always(NewYork), outOfOffice: awayUntilSeventh);
        var berliner = Rep("be", hours: WorkingHours.Always(Berlin), outOfOffice: awayUntilSeventh);

        Assert.NotNull(newYorker.OutOfOfficeAt(instant));
        Assert.Null(berliner.OutOfOfficeAt(instant));
    }

    [Fact]
    public void Rep_off_shift_in_their_time_zone_is_skipped()
    {
        // 15:00 UTC: 10:00 in New York (on shift), 16:00 in Berlin (on shift); 17:30 UTC: 18:30 Berlin (off), 12:30 New York (on).
        var evening = new DateTimeOffset(2026, 1, 7, 17, 30, 0, TimeSpan.Zero);
        var reps = ById(Rep("be", hours: NineToFive(Berlin)), Rep("ny", hours: NineToFive(NewYork)));

        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("be", "ny"), reps, NoOpenLeads, evening, 0));

        Assert.Equal("ny", decision.Rep!.Id);
        var skipped = decision.Skipped.Single();
        Assert.Equal(SkipReason.OffShift, skipped.Reason);
        Assert.Contains("Europe/Berlin", skipped.Detail);
    }

    [Fact]
    public void Weekend_is_off_shift_for_a_weekday_rep()
    {
        var saturdayNoon = new DateTimeOffset(2026, 1, 10, 15, 0, 0, TimeSpan.Zero);

        Assert.False(NineToFive(NewYork).IsOnShift(saturdayNoon));
        Assert.True(NineToFive(NewYork).IsOnShift(WednesdayAfternoonUtc));
    }

    [Fact]
    public void Overnight_shift_covers_the_early_morning_of_the_next_day()
    {
        var nights = new WorkingHours(TimeZoneInfo.Utc, new HashSet<DayOfWeek> { DayOfWeek.Monday }, new TimeOnly(22, 0), new TimeOnly(6, 0), AlwaysOn: false);

        Assert.True(nights.IsOnShift(new DateTimeOffset(2026, 1, 5, 23, 0, 0, TimeSpan.Zero)));  // Monday 23:00
        Assert.True(nights.IsOnShift(new DateTimeOffset(2026, 1, 6, 5, 0, 0, TimeSpan.Zero)));   // Tuesday 05:00, Monday's shift
        Assert.False(nights.IsOnShift(new DateTimeOffset(2026, 1, 6, 23, 0, 0, TimeSpan.Zero))); // Tuesday 23:00
    }

    [Fact]
    public void Round_robin_takes_turns_in_member_order_using_the_returned_cursor()
    {
        var reps = ById(Rep("a"), Rep("b"), Rep("c"));
        var cursor = 0;
        var picked = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a", "b", "c"), reps, NoOpenLeads, WednesdayAfternoonUtc, cursor));
            picked.Add(decision.Rep!.Id);
            cursor = decision.NextCursor;
        }

        Assert.Equal(["a", "b", "c", "a", "b"], picked);
    }

    [Fact]
    public void Round_robin_continues_after_the_rep_it_had_to_skip_to()
    {
        var reps = ById(Rep("a"), Rep("b", capacity: 1), Rep("c"));
        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a", "b", "c"), reps, new Dictionary<string, int> { ["b"] = 1 }, WednesdayAfternoonUtc, Cursor: 1));

        Assert.Equal("c", decision.Rep!.Id);
        Assert.Equal(0, decision.NextCursor);
    }

    [Fact]
    public void Requeue_never_gives_the_lead_to_the_same_rep_twice_in_a_row()
    {
        var reps = ById(Rep("a"), Rep("b"));

        // The cursor points at "a", who just missed the SLA.
        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a", "b"), reps, NoOpenLeads, WednesdayAfternoonUtc, Cursor: 0, ExcludedRepId: "a"));

        Assert.Equal("b", decision.Rep!.Id);
        Assert.Equal(SkipReason.PreviousAssignee, decision.Skipped.Single().Reason);
    }

    [Fact]
    public void Requeue_with_only_the_previous_rep_eligible_overflows_instead_of_returning_to_them()
    {
        var reps = ById(Rep("a"), Rep("b", capacity: 0));

        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a", "b"), reps, NoOpenLeads, WednesdayAfternoonUtc, 0, ExcludedRepId: "a"));

        Assert.Equal(AssignmentOutcome.Overflow, decision.Outcome);
        Assert.Null(decision.Rep);
    }

    [Fact]
    public void Nobody_eligible_goes_to_the_pool_overflow_with_every_reason_and_the_cursor_unchanged()
    {
        var away = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var reps = ById(Rep("a", capacity: 2), Rep("b", outOfOffice: away), Rep("c", hours: NineToFive(Berlin)));
        var night = new DateTimeOffset(2026, 1, 7, 23, 0, 0, TimeSpan.Zero);

        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("a", "b", "c", "gone"), reps, new Dictionary<string, int> { ["a"] = 2 }, night, Cursor: 2));

        Assert.Equal(AssignmentOutcome.Overflow, decision.Outcome);
        Assert.Equal(new PoolOverflow("overflow-queue", "mgr"), decision.Overflow);
        Assert.Equal(2, decision.NextCursor);
        Assert.Equal(
            [("c", SkipReason.OffShift), ("gone", SkipReason.UnknownRep), ("a", SkipReason.AtCapacity), ("b", SkipReason.OutOfOffice)],
            decision.Skipped.Select(s => (s.RepId, s.Reason)));
        Assert.Contains("overflow-queue", decision.Explanation);
        Assert.Contains("mgr", decision.Explanation);
    }

    [Fact]
    public void Rep_outside_the_companys_territory_is_skipped()
    {
        var reps = ById(Rep("de", ["DE", "AT"], null), Rep("emea", ["EMEA"], null));

        var french = PoolAssignment.Assign(new AssignmentRequest(Pool("de", "emea"), reps, NoOpenLeads, WednesdayAfternoonUtc, 0, Lead: new LeadPlacement(null, "FR", "EMEA")));
        var unknown = PoolAssignment.Assign(new AssignmentRequest(Pool("de", "emea"), reps, NoOpenLeads, WednesdayAfternoonUtc, 0, Lead: new LeadPlacement(null, null, null)));

        Assert.Equal("emea", french.Rep!.Id);
        Assert.Equal((SkipReason.OutsideTerritory, "covers DE, AT, not FR/EMEA"), (french.Skipped.Single().Reason, french.Skipped.Single().Detail));
        Assert.Equal("de", unknown.Rep!.Id);
    }

    [Fact]
    public void Rep_working_the_other_segment_is_skipped()
    {
        var reps = ById(Rep("ent", [], Segment.Enterprise), Rep("smb", [], Segment.Smb));

        var decision = PoolAssignment.Assign(new AssignmentRequest(Pool("ent", "smb"), reps, NoOpenLeads, WednesdayAfternoonUtc, 0, Lead: new LeadPlacement(Segment.Smb, null, null)));

        Assert.Equal("smb", decision.Rep!.Id);
        Assert.Equal(SkipReason.OtherSegment, decision.Skipped.Single().Reason);
    }

    [Fact]
    public void Same_request_gives_the_same_decision()
    {
        var reps = ById(Rep("a"), Rep("b"), Rep("c"));
        var request = new AssignmentRequest(Pool("a", "b", "c"), reps, new Dictionary<string, int> { ["a"] = 8 }, WednesdayAfternoonUtc, 0);

        Assert.Equal(PoolAssignment.Assign(request).Explanation, PoolAssignment.Assign(request).Explanation);
    }
}
