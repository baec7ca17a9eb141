using PqlGrains.Cli.Scoring;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Cli.Tests;

public sealed class EventFileReaderTests
{
    private static async Task<List<EventFileRecord>> ReadAsync(string ndjson)
    {
        var records = new List<EventFileRecord>();
        await foreach (var record in EventFileReader.ReadAsync(new StringReader(ndjson)))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task Track_properties_are_flattened_into_dotted_keys()
    {
        var record = Assert.Single(await ReadAsync("""{"type":"track","event":"usage.reported","userId":"u","messageId":"m","timestamp":"2026-03-02T10:00:00Z","properties":{"ratio":0.9,"limit":{"name":"seats","paid":true}}}"""));
        var e = record.Event!;
        Assert.Equal(EventType.Track, e.Type);
        Assert.Equal("usage.reported", e.Name);
        Assert.Equal(0.9, e.Properties["ratio"].Number);
        Assert.Equal("seats", e.Properties["limit.name"].Text);
        Assert.True(e.Properties["limit.paid"].AsBoolean);
    }

    [Fact]
    public async Task Page_calls_carry_their_path_and_anonymous_users_their_anonymous_id()
    {
        var record = Assert.Single(await ReadAsync("""{"type":"page","name":"Pricing","anonymousId":"anon-1","messageId":"m","timestamp":"2026-03-02T10:00:00Z","properties":{"path":"/pricing"}}"""));
        Assert.Equal(("anon-1", EventType.Page, "/pricing"), (record.Event!.UserId, record.Event.Type, record.Event.Properties["path"].Text));
    }

    [Fact]
    public async Task Identify_traits_become_properties_and_context_group_id_the_account()
    {
        var record = Assert.Single(await ReadAsync("""{"type":"identify","userId":"u","messageId":"m","timestamp":"2026-03-02T10:00:00Z","traits":{"plan":"pro"},"context":{"groupId":"acme"}}"""));
        Assert.Equal(("pro", "acme"), (record.Event!.Properties["plan"].Text, record.Event.GroupId));
    }

    [Fact]
    public async Task A_message_without_a_message_id_is_rejected_with_the_reason()
    {
        var record = Assert.Single(await ReadAsync("""{"type":"track","event":"e","userId":"u","timestamp":"2026-03-02T10:00:00Z"}"""));
        Assert.Null(record.Event);
        Assert.Equal("line 1: the message has no messageId; scoring needs it to drop duplicates", record.Error);
    }
}
