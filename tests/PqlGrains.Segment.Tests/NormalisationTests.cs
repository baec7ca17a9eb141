using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment.Tests;

public sealed class NormalisationTests
{
    [Fact]
    public void Nested_properties_flatten_to_dotted_keys_and_arrays_to_indexed_keys()
    {
        var e = ParsedBatch.Single("""
            {"type":"track","userId":"u","event":"Order Completed","properties":{
              "total":99.5,"trial":false,"coupon":null,
              "plan":{"name":"pro","seats":{"used":3}},
              "tags":["a","b"],"products":[{"sku":"S1"},{"sku":"S2"}]}}
            """);

        Assert.Equal(99.5, e.Properties["total"].Number);
        Assert.Equal(PropertyKind.Boolean, e.Properties["trial"].Kind);
        Assert.False(e.Properties.ContainsKey("coupon"));
        Assert.Equal("pro", e.Properties["plan.name"].Text);
        Assert.Equal(3, e.Properties["plan.seats.used"].Number);
        Assert.Equal("b", e.Properties["tags.1"].Text);
        Assert.Equal("S2", e.Properties["products.1.sku"].Text);
        Assert.Equal(8, e.Properties.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(30)]
    public void A_key_spelled_twice_keeps_its_first_place_and_its_last_value_and_the_next_event_starts_clean(int tags)
    {
        var list = string.Join(",", Enumerable.Range(0, tags).Select(i => $"\"t{i}\""));
        var payload = ParsedBatch.Parse($$$"""
            {"batch":[
              {"type":"track","userId":"u","event":"x","properties":{"plan":{"name":"pro"},"tags":[{{{list}}}],"plan.name":"team","tags.1":"again"}},
              {"type":"track","userId":"u","event":"x","properties":{"seats":4}}
            ]}
            """);

        var first = payload.Events[0].Properties;
        Assert.Equal(1 + tags, first.Count);
        Assert.Equal("plan.name", first.First().Key);
        Assert.Equal("team", first["plan.name"].Text);
        Assert.Equal("again", first["tags.1"].Text);
        Assert.Equal($"t{tags - 1}", first[$"tags.{tags - 1}"].Text);
        Assert.Equal(["seats"], payload.Events[1].Properties.Keys);
    }

    [Fact]
    public void Escaped_non_ascii_and_long_strings_read_exactly_and_repeat_as_one_instance()
    {
        var longText = new string('l', 100);
        var payload = ParsedBatch.Parse($$$$"""
            {"batch":[
              {"type":"track","userId":"u","event":"x","properties":{"quote":"a\"b","caf\u00e9":"é","plain":"café","long":"{{{{longText}}}}","nested":{"k\u0065y":"v"}}},
              {"type":"track","userId":"u","event":"x","properties":{"plain":"café"}}
            ]}
            """);

        var first = payload.Events[0].Properties;
        Assert.Equal("a\"b", first["quote"].Text);
        Assert.Equal("é", first["café"].Text);
        Assert.Equal("café", first["plain"].Text);
        Assert.Equal(longText, first["long"].Text);
        Assert.Equal("v", first["nested.key"].Text);
        Assert.Same(first["plain"].Text, payload.Events[1].Properties["plain"].Text);
        Assert.Same(payload.Events[0].Name, payload.Events[1].Name);
    }

    [Fact]
    public void UserId_wins_over_anonymousId_and_anonymousId_alone_identifies_the_user()
    {
        Assert.Equal("u1", ParsedBatch.Single("""{"type":"track","userId":"u1","anonymousId":"a1","event":"x"}""").UserId);
        Assert.Equal("a1", ParsedBatch.Single("""{"type":"track","userId":"","anonymousId":"a1","event":"x"}""").UserId);
        Assert.Equal("42", ParsedBatch.Single("""{"type":"track","userId":42,"event":"x"}""").UserId);
    }

    [Fact]
    public void Account_comes_from_context_groupId_of_the_message_or_of_the_batch()
    {
        var payload = ParsedBatch.Parse("""
            {"context":{"groupId":"batch-acme"},"batch":[
              {"type":"track","userId":"u","event":"x","context":{"groupId":"own-acme"}},
              {"type":"track","userId":"u","event":"y"}
            ]}
            """);

        Assert.Equal(["own-acme", "batch-acme"], payload.Events.Select(e => e.GroupId));
    }

    [Fact]
    public void Account_comes_from_a_company_id_trait_of_identify_or_of_context_traits()
    {
        Assert.Equal("acme", ParsedBatch.Single("""{"type":"identify","userId":"u","traits":{"company":{"id":"acme","name":"Acme"}}}""").GroupId);
        Assert.Equal("7", ParsedBatch.Single("""{"type":"track","userId":"u","event":"x","context":{"traits":{"company":{"id":7}}}}""").GroupId);
        Assert.Null(ParsedBatch.Single("""{"type":"track","userId":"u","event":"x"}""").GroupId);
    }

    [Fact]
    public void Batch_context_fills_page_fields_the_message_context_lacks()
    {
        var e = ParsedBatch.Parse("""
            {"context":{"page":{"path":"/batch-path","title":"Batch title"}},"batch":[
              {"type":"page","userId":"u","name":"Docs","category":"Help","context":{"page":{"path":"/docs"}}}
            ]}
            """).Events.Single();

        Assert.Equal("Docs", e.Name);
        Assert.Equal("/docs", e.Properties["path"].Text);
        Assert.Equal("Batch title", e.Properties["title"].Text);
        Assert.Equal("Help", e.Properties["category"].Text);
    }

    [Fact]
    public void Identify_traits_fall_back_to_context_traits()
    {
        var e = ParsedBatch.Single("""{"type":"identify","userId":"u","context":{"traits":{"email":"a@acme.io"}}}""");

        Assert.Equal("a@acme.io", e.Properties["email"].Text);
    }

    [Fact]
    public void Call_type_is_read_case_insensitively()
    {
        Assert.Equal(EventType.Identify, ParsedBatch.Single("""{"type":"Identify","userId":"u"}""").Type);
    }

    [Fact]
    public void Single_call_endpoint_names_the_type_whatever_the_body_says()
    {
        var payload = ParsedBatch.Parse("""{"type":"identify","userId":"u","event":"Clicked"}""", SegmentEndpoint.Track);

        Assert.Equal(EventType.Track, Assert.Single(payload.Events).Type);
    }

    [Fact]
    public void Alias_carries_the_previous_id_and_needs_one()
    {
        Assert.Equal("anon-1", ParsedBatch.Single("""{"type":"alias","userId":"u","previousId":"anon-1"}""").Properties["previousId"].Text);
        Assert.Contains("previousId", Assert.Single(ParsedBatch.Parse("""{"batch":[{"type":"alias","userId":"u"}]}""").Rejections).Error);
    }

    [Fact]
    public void Group_call_without_groupId_is_rejected()
    {
        Assert.Contains("groupId", Assert.Single(ParsedBatch.Parse("""{"batch":[{"type":"group","userId":"u"}]}""").Rejections).Error);
    }

    [Fact]
    public void Page_properties_fall_back_to_every_context_page_field_the_message_sets_or_a_null_leaves_to_the_batch()
    {
        var payload = ParsedBatch.Parse("""
            {"context":{"page":{"path":"/b-path","url":"https://b/","title":"B","referrer":"https://r/","search":"?q=b"}},"batch":[
              {"type":"page","userId":"u","properties":{"title":"Own"},"context":{"page":{"url":"https://own/","path":null,"search":"?q=own"}}},
              {"type":"page","userId":"u","context":{"page":null}},
              {"type":"screen","userId":"u","category":"Onboarding","context":{"page":{"path":"/ignored"}}}
            ]}
            """);

        var own = payload.Events[0].Properties;
        Assert.Equal(["/b-path", "https://own/", "Own", "https://r/", "?q=own"], new[] { "path", "url", "title", "referrer", "search" }.Select(key => own[key].Text));
        Assert.Equal(5, own.Count);
        Assert.Equal("https://b/", payload.Events[1].Properties["url"].Text);
        Assert.Equal(5, payload.Events[1].Properties.Count);
        var screen = Assert.Single(payload.Events[2].Properties);
        Assert.Equal(("category", "Onboarding"), (screen.Key, screen.Value.Text));
    }

    [Theory]
    [InlineData("track", EventType.Track)]
    [InlineData("identify", EventType.Identify)]
    [InlineData("page", EventType.Page)]
    [InlineData("screen", EventType.Screen)]
    [InlineData("group", EventType.Group)]
    [InlineData("alias", EventType.Alias)]
    [InlineData("tr\\u0061ck", EventType.Track)]
    [InlineData("ALIAS", EventType.Alias)]
    public void Call_type_is_read_from_exact_escaped_and_differently_cased_spellings(string spelled, EventType expected)
    {
        var e = ParsedBatch.Single($$"""{"type":"{{spelled}}","userId":"u","event":"x","groupId":"g","previousId":"p"}""");

        Assert.Equal(expected, e.Type);
    }

    [Fact]
    public void Unknown_call_type_is_rejected_with_the_valid_ones()
    {
        Assert.Contains("'type' must be one of track, identify", Assert.Single(ParsedBatch.Parse("""{"batch":[{"type":"trak","userId":"u"}]}""").Rejections).Error);
    }

    [Fact]
    public void Nested_keys_under_ascii_and_non_ascii_parents_read_exactly_and_repeat_as_one_instance()
    {
        var payload = ParsedBatch.Parse("""
            {"batch":[
              {"type":"track","userId":"u","event":"x","properties":{"plan":{"name":"pro"},"café":{"größe":2}}},
              {"type":"track","userId":"u","event":"x","properties":{"plan":{"name":"team"}}}
            ]}
            """);

        var first = payload.Events[0].Properties;
        Assert.Equal("pro", first["plan.name"].Text);
        Assert.Equal(2, first["café.größe"].Number);
        Assert.Same(first.Keys.First(key => key == "plan.name"), payload.Events[1].Properties.Keys.Single());
    }
}
