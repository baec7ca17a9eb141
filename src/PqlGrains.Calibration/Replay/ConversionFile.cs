using System.Globalization;
using PqlGrains.Calibration.Metrics;

namespace PqlGrains.Calibration.Replay;

/// <summary>
/// Reads conversions as CSV with the header <c>user_id,account_id,converted_at,amount</c>
/// (what <c>pql simulate</c> writes): account_id may be empty, converted_at is ISO-8601,
/// amount is optional.
/// </summary>
public static class ConversionFile
{
    public const string Header = "user_id,account_id,converted_at,amount";

    /// <summary>The name <c>pql simulate</c> and <c>pql export</c> give the file.</summary>
    public const string FileName = "conversions.csv";

    public static IReadOnlyList<ConversionRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The conversions file {path} does not exist; pass a CSV with the header '{Header}'.", path);
        }

        return Parse(File.ReadLines(path), path);
    }

    public static IReadOnlyList<ConversionRecord> Parse(IEnumerable<string> lines, string source)
    {
        var records = new List<ConversionRecord>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (number == 1)
            {
                if (!string.Equals(line.Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{source}:1: the header must be '{Header}' (got '{line}').");
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length is < 3 or > 4 || string.IsNullOrWhiteSpace(fields[0]))
            {
                throw new FormatException($"{source}:{number}: expected user_id,account_id,converted_at[,amount] with a user_id (got '{line}').");
            }

            if (!DateTimeOffset.TryParse(fields[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var convertedAt))
            {
                throw new FormatException($"{source}:{number}: converted_at '{fields[2]}' is not an ISO-8601 time such as 2026-03-01T12:00:00Z.");
            }

            var amount = 0m;
            if (fields.Length == 4 && !string.IsNullOrWhiteSpace(fields[3]) && !decimal.TryParse(fields[3], NumberStyles.Number, CultureInfo.InvariantCulture, out amount))
            {
                throw new FormatException($"{source}:{number}: amount '{fields[3]}' is not a number.");
            }

            records.Add(new ConversionRecord(fields[0].Trim(), string.IsNullOrWhiteSpace(fields[1]) ? null : fields[1].Trim(), convertedAt.ToUniversalTime(), amount));
        }

        return records;
    }

    public static async Task WriteAsync(string path, IEnumerable<ConversionRecord> records, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        foreach (var record in records)
        {
            var line = string.Join(
                ',',
                record.UserId,
                record.AccountId ?? string.Empty,
                record.ConvertedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                record.Amount.ToString(CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    /// <summary>First conversion per user, or per account (rows without an account are left out).</summary>
    public static ConversionLedger ToLedger(IEnumerable<ConversionRecord> records, SubjectLevel level) => new(
        level == SubjectLevel.User
            ? records.Select(r => (r.UserId, r.ConvertedAt))
            : records.Where(r => r.AccountId is not null).Select(r => (r.AccountId!, r.ConvertedAt)));
}
