using System.Text.Json;
using System.Text.Json.Serialization;

namespace PqlGrains.Calibration.Outcomes;

/// <summary>
/// Reads and writes rep feedback as NDJSON (what <c>pql export</c> writes as <c>feedback.ndjson</c>), one verdict per line:
/// <c>{"leadId":"account:acme~1","subject":"account:acme","userId":"u-42","accountId":"acme","verdict":"good",
/// "definitionVersion":"1","qualifiedAt":"2026-03-01T10:00:00Z","givenAt":"2026-03-02T09:00:00Z","tier":"sales_ready","note":"demo booked"}</c>.
/// </summary>
public static class FeedbackFile
{
    public const string FileName = "feedback.ndjson";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static IReadOnlyList<FeedbackRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The feedback file {path} does not exist; export one from a cluster with `pql export --url URL --admin-token T --out DIR`.", path);
        }

        return Parse(File.ReadLines(path), path);
    }

    public static IReadOnlyList<FeedbackRecord> Parse(IEnumerable<string> lines, string source)
    {
        var records = new List<FeedbackRecord>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            FeedbackRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<FeedbackRecord>(line, Json);
            }
            catch (JsonException error)
            {
                throw new FormatException($"{source}:{number}: not a feedback record ({error.Message}); each line needs leadId, subject, userId, verdict (good, too_early or not_a_fit), definitionVersion, qualifiedAt and givenAt.", error);
            }

            if (record is null || string.IsNullOrWhiteSpace(record.UserId) || string.IsNullOrWhiteSpace(record.LeadId))
            {
                throw new FormatException($"{source}:{number}: a feedback record needs a leadId and the userId it labels.");
            }

            records.Add(record with { QualifiedAt = record.QualifiedAt.ToUniversalTime(), GivenAt = record.GivenAt.ToUniversalTime() });
        }

        return records;
    }

    public static async Task WriteAsync(string path, IEnumerable<FeedbackRecord> records, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(path);
        foreach (var record in records)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(record, Json).AsMemory(), cancellationToken);
        }
    }
}
