using PqlGrains.Calibration.Replay;

namespace PqlGrains.Calibration.Tests.Replay;

public sealed class ConversionFileTests
{
    [Fact]
    public void RowsParseWithOptionalAccountAndAmount()
    {
        var rows = ConversionFile.Parse(["user_id,account_id,converted_at,amount", "u1,acc1,2026-02-01T10:00:00Z,588", "u2,,2026-02-03T00:00:00Z,", ""], "c.csv");

        Assert.Equal([new ConversionRecord("u1", "acc1", new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), 588m), new ConversionRecord("u2", null, new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero), 0m)], rows);
    }

    [Fact]
    public void AccountLevelLedgersKeepEachAccountsFirstConversionAndSkipPersonalUsers()
    {
        var rows = ConversionFile.Parse(["user_id,account_id,converted_at,amount", "u1,acc1,2026-02-05T00:00:00Z,1", "u2,acc1,2026-02-01T00:00:00Z,1", "u3,,2026-02-02T00:00:00Z,1"], "c.csv");

        var ledger = ConversionFile.ToLedger(rows, SubjectLevel.Account);

        Assert.Equal(1, ledger.Count);
        Assert.True(ledger.TryGetConversion("acc1", out var at));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void AWrongHeaderSaysWhichHeaderIsExpected()
    {
        var error = Assert.Throws<FormatException>(() => ConversionFile.Parse(["user,when", "u1,2026-02-01"], "c.csv"));
        Assert.Contains("c.csv:1", error.Message, StringComparison.Ordinal);
        Assert.Contains(ConversionFile.Header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTimestampNamesItsLine()
    {
        var error = Assert.Throws<FormatException>(() => ConversionFile.Parse(["user_id,account_id,converted_at,amount", "u1,,yesterday,1"], "c.csv"));
        Assert.Contains("c.csv:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("yesterday", error.Message, StringComparison.Ordinal);
    }
}
