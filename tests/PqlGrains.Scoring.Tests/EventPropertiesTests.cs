using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class EventPropertiesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Every_key_is_found_and_an_absent_one_reads_as_null_whatever_the_size(int count)
    {
        var properties = new EventProperties(Enumerable.Range(0, count).Select(i => KeyValuePair.Create("key." + i, PropertyValue.From(i))));

        Assert.Equal(count, properties.Count);
        for (var i = 0; i < count; i++)
        {
            var key = string.Concat("key.", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(properties.ContainsKey(key));
            Assert.True(properties.TryGetValue(key, out var value));
            Assert.Equal(PropertyValue.From(i), value);
            Assert.Equal(PropertyValue.From(i), properties[key]);
        }

        Assert.False(properties.ContainsKey("key.missing"));
        Assert.False(properties.TryGetValue("KEY.0", out _));
        Assert.True(properties["key.missing"].IsNull);
    }

    [Fact]
    public void Pairs_enumerate_in_the_order_they_were_given()
    {
        string[] keys = ["zeta", "alpha", "mid", "beta"];
        var properties = new EventProperties(keys.Select(key => KeyValuePair.Create(key, PropertyValue.From(key))));

        Assert.Equal(keys, properties.Select(pair => pair.Key));
        Assert.Equal(keys, properties.Keys);
        Assert.Equal(keys, properties.Values.Select(value => value.Text));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void A_repeated_key_is_refused_as_a_dictionary_would(int count)
    {
        var pairs = Enumerable.Range(0, count).Select(i => KeyValuePair.Create("k" + i, PropertyValue.From(i))).Append(KeyValuePair.Create("k1", PropertyValue.From(true)));

        var error = Assert.Throws<ArgumentException>(() => new EventProperties(pairs));

        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_key_is_refused_on_build_and_on_lookup()
    {
        Assert.Throws<ArgumentNullException>(() => new EventProperties([KeyValuePair.Create<string, PropertyValue>(null!, PropertyValue.Null)]));
        Assert.Throws<ArgumentNullException>(() => EventProperties.Empty.ContainsKey(null!));
    }

    [Fact]
    public void The_properties_keep_their_own_copy_of_the_pairs_given()
    {
        var pairs = new[] { KeyValuePair.Create("plan", PropertyValue.From("pro")) };
        var properties = new EventProperties(pairs.AsSpan());

        pairs[0] = KeyValuePair.Create("plan", PropertyValue.From("free"));

        Assert.Equal("pro", properties["plan"].Text);
    }
}
