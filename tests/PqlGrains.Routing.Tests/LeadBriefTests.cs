using PqlGrains.Routing.Brief;
using PqlGrains.Routing.Enrichment;

namespace PqlGrains.Routing.Tests;

public sealed class LeadBriefTests
{
    private static readonly DateTimeOffset Crossed = new(2026, 1, 7, 15, 0, 0, TimeSpan.Zero);

    public static LeadBrief Sample() => new(
        "acct-42",
        new BriefAccount("acct-42", "Acme <GmbH>", "acme.com"),
        new BriefContact("u-42", "Jane Doe", "jane@acme.com", "Head of Ops"),
        95,
        "sales_ready",
        40,
        [
            new SignalContribution("team.member_invited", "viral", 30, "invited 2 teammates"),
            new SignalContribution("user.billing_page_viewed", "adoption", 50, "visited the billing page"),
            new SignalContribution("feature.activated", "adoption", 15, "activated exports"),
        ],
        [new CategoryScore("adoption", 65), new CategoryScore("viral", 30)],
        ["visited the billing page", "invited 2 teammates", "activated exports"],
        4,
        ["exports", "api"],
        new PlanUsage("Free", [new UsageAgainstLimit("seats", 4, 5)]),
        new Firmographics("Acme GmbH", 120, "Software", "DE", "EMEA", 60_000m, "group traits"),
        Crossed,
        new Uri("http://localhost:8080/api/leads/acct-42"),
        "def-v3");

    [Fact]
    public void Opening_line_references_the_strongest_signal()
    {
        var line = Sample().SuggestedOpeningLine;

        Assert.StartsWith("Hi Jane, I saw you visited the billing page.", line);
        Assert.Contains("pricing", line);
    }

    [Fact]
    public void Plain_text_body_carries_the_context_a_rep_needs()
    {
        var text = LeadBriefText.PlainText(Sample(), Crossed.AddMinutes(12));

        Assert.Contains("Score: 95 (sales-ready), yesterday 40 (+55)", text);
        Assert.Contains("Threshold crossed: 12 min ago", text);
        Assert.Contains("Top signals: visited the billing page; invited 2 teammates; activated exports", text);
        Assert.Contains("By category: adoption 65, viral 30", text);
        Assert.Contains("By signal: user.billing_page_viewed 50, team.member_invited 30, feature.activated 15", text);
        Assert.Contains("Active users (7 days): 4", text);
        Assert.Contains("Features used (7 days): exports, api", text);
        Assert.Contains("Plan: Free; seats 4/5 (80", text);
        Assert.Contains("Company: 120 employees, Software, DE, EMEA, est. ARR $60,000 (source: group traits)", text);
        Assert.Contains("Lead: http://localhost:8080/api/leads/acct-42", text);
        Assert.Contains("Definition: def-v3", text);
    }

    [Fact]
    public void Html_body_escapes_names_and_links_the_lead()
    {
        var html = LeadBriefText.Html(Sample(), Crossed);

        Assert.Contains("Acme &lt;GmbH&gt;", html);
        Assert.DoesNotContain("<GmbH>", html);
        Assert.Contains("<a href=\"http://localhost:8080/api/leads/acct-42\">", html);
    }

    [Fact]
    public void Subject_names_tier_account_contact_and_score()
    {
        Assert.Equal("PQL sales-ready: Acme <GmbH> (Jane Doe), score 95", LeadBriefText.TaskSubject(Sample()));
    }

    [Fact]
    public void Brief_without_signals_still_suggests_a_generic_opening()
    {
        var quiet = Sample() with { Signals = [], Contact = new BriefContact("u-1", null, null, null) };

        Assert.StartsWith("Hi there,", quiet.SuggestedOpeningLine);
    }
}
