using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Simulation;

/// <summary>
/// Writes a simulation to a directory: <c>events.ndjson</c> (one Segment message per line, sorted
/// by timestamp) and <c>conversions.csv</c> with the header <c>user_id,account_id,converted_at,amount</c>
/// (account_id empty for personal-email users; converted_at ISO-8601 UTC; amount first-year USD).
/// </summary>
public static class SimulationFiles
{
    public const string EventsFileName = "events.ndjson";
    public const string ConversionsFileName = "conversions.csv";
    public const string ConversionsHeader = "user_id,account_id,converted_at,amount";

    public static async Task<SimulationSummary> WriteAsync(SimulationOptions options, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var simulator = new ProductSimulator(options);
        long events = 0;
        var conversions = 0;
        await using var eventStream = new FileStream(Path.Combine(directory, EventsFileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var conversionWriter = new StreamWriter(Path.Combine(directory, ConversionsFileName), append: false, new UTF8Encoding(false));
        await conversionWriter.WriteLineAsync(ConversionsHeader.AsMemory(), cancellationToken);
        var lineBuffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        using var writer = new Utf8JsonWriter(lineBuffer);
        foreach (var day in simulator.Run())
        {
            foreach (var message in day.Messages)
            {
                writer.Reset(lineBuffer);
                SegmentJson.WriteMessage(writer, message);
                writer.Flush();
                lineBuffer.Write("\n"u8);
            }

            await eventStream.WriteAsync(lineBuffer.WrittenMemory, cancellationToken);
            lineBuffer.Clear();
            events += day.Messages.Count;
            foreach (var conversion in day.Conversions)
            {
                await conversionWriter.WriteLineAsync(FormatConversion(conversion).AsMemory(), cancellationToken);
                conversions++;
            }
        }

        var population = simulator.Population;
        return new SimulationSummary(
            population.Users.Count,
            population.Accounts.Count,
            options.Days,
            events,
            conversions,
            population.Accounts.Count(a => a.IsPaying),
            population.Users.Count(u => u.Account is null),
            population.Users.Count(u => u.Churned));
    }

    public static string FormatConversion(SimulatedConversion conversion) => string.Join(
        ',',
        conversion.UserId,
        conversion.AccountId ?? string.Empty,
        conversion.ConvertedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        conversion.Amount.ToString(CultureInfo.InvariantCulture));
}
