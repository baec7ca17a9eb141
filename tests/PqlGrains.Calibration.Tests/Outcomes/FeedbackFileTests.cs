using PqlGrains.Calibration.Outcomes;

namespace PqlGrains.Calibration.Tests.Outcomes;

public sealed class FeedbackFileTests
{
    [Fact]
    public async Task What_is_written_reads_back_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pql-feedback-{Guid.NewGuid():N}.ndjson");
        FeedbackRecord[] records =
        [
            new("account:acme~1", "account:acme", "u1", "acme", FeedbackVerdict.TooEarly, "3", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "hot", "budget in Q3, \"call back\""),
            new("user:u2~2", "user:u2", "u2", null, FeedbackVerdict.Good, "3", new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero)),
        ];
        try
        {
            await FeedbackFile.WriteAsync(path, records);

            Assert.Contains("\"verdict\":\"too_early\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
            Assert.Equal(records, FeedbackFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_verdict_names_the_line_and_the_allowed_values()
    {
        var error = Assert.Throws<FormatException>(() => FeedbackFile.Parse(
            ["""{"leadId":"user:a~1","subject":"user:a","userId":"a","verdict":"maybe","definitionVersion":"1","qualifiedAt":"2026-03-01T00:00:00Z","givenAt":"2026-03-01T00:00:00Z"}"""],
            "f.ndjson"));

        Assert.StartsWith("f.ndjson:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("good, too_early or not_a_fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_its_qualification_time_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => FeedbackFile.Parse(
            ["", """{"leadId":"user:a~1","subject":"user:a","userId":"a","verdict":"good","definitionVersion":"1","givenAt":"2026-03-01T00:00:00Z"}"""],
            "f.ndjson"));

        Assert.StartsWith("f.ndjson:2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_says_how_to_make_one()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FeedbackFile.Read("/nonexistent/feedback.ndjson"));

        Assert.Contains("pql export", error.Message, StringComparison.Ordinal);
    }
}
