using System.Runtime.CompilerServices;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class PropertyValueTests
{
    public static TheoryData<string, PropertyKind, double, string?, string> Values => new()
    {
        { "null string", PropertyKind.Null, 0, null, "null" },
        { "text", PropertyKind.String, 0, "pro", "pro" },
        { "empty text", PropertyKind.String, 0, "", "" },
        { "number", PropertyKind.Number, 12.5, null, "12.5" },
        { "zero", PropertyKind.Number, 0, null, "0" },
        { "true", PropertyKind.Boolean, 1, null, "true" },
        { "false", PropertyKind.Boolean, 0, null, "false" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Each_value_reports_its_kind_number_and_text(string name, PropertyKind kind, double number, string? text, string printed)
    {
        var value = Make(name);

        Assert.Equal(kind, value.Kind);
        Assert.Equal(number, value.Number);
        Assert.Equal(text, value.Text);
        Assert.Equal(printed, value.ToString());
        Assert.Equal(kind == PropertyKind.Null, value.IsNull);
        Assert.Equal(name == "true", value.AsBoolean);
    }

    [Fact]
    public void Values_are_equal_by_kind_and_content_never_across_kinds()
    {
        Assert.Equal(PropertyValue.From(new string('a', 3)), PropertyValue.From("aaa"));
        Assert.Equal(PropertyValue.From("aaa").GetHashCode(), PropertyValue.From(new string('a', 3)).GetHashCode());
        Assert.Equal(PropertyValue.Null, default);
        Assert.Equal(PropertyValue.Null, PropertyValue.From((string?)null));
        Assert.NotEqual(PropertyValue.From(1), PropertyValue.From(true));
        Assert.NotEqual(PropertyValue.From(0), PropertyValue.From(false));
        Assert.NotEqual(PropertyValue.From(0), PropertyValue.Null);
        Assert.NotEqual(PropertyValue.From("1"), PropertyValue.From(1));
        Assert.NotEqual(PropertyValue.From(""), PropertyValue.Null);
    }

    [Fact]
    public void A_value_takes_16_bytes_so_the_pairs_every_event_carries_stay_small()
    {
        Assert.Equal(16, Unsafe.SizeOf<PropertyValue>());
    }

    private static PropertyValue Make(string name) => name switch
    {
        "null string" => PropertyValue.From((string?)null),
        "text" => PropertyValue.From("pro"),
        "empty text" => PropertyValue.From(""),
        "number" => PropertyValue.From(12.5),
        "zero" => PropertyValue.From(0),
        "true" => PropertyValue.From(true),
        "false" => PropertyValue.From(false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test value"),
    };
}
