using System.Text.Json;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Tests.Fakes;
using PqlGrains.Routing.Brief;

namespace PqlGrains.Integrations.Tests;

/// <summary>The outbox and lead state persist these records; a JSON round trip must not lose a field.</summary>
public sealed class DurablePayloadTests
{
    [Fact]
    public void Lead_brief_survives_a_json_round_trip()
    {
        var brief = Leads.Brief();

        var copy = JsonSerializer.Deserialize<LeadBrief>(JsonSerializer.Serialize(brief))!;

        Assert.Equal(LeadBriefText.PlainText(brief, Leads.Now), LeadBriefText.PlainText(copy, Leads.Now));
        Assert.Equal(brief.SuggestedOpeningLine, copy.SuggestedOpeningLine);
    }

    [Fact]
    public void Crm_task_and_note_survive_a_json_round_trip()
    {
        var task = Leads.Task();
        var note = Leads.Note();

        Assert.Equal(task, JsonSerializer.Deserialize<CrmTask>(JsonSerializer.Serialize(task)));
        Assert.Equal(note, JsonSerializer.Deserialize<CrmNote>(JsonSerializer.Serialize(note)));
    }
}
