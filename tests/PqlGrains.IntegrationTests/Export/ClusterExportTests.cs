using System.Globalization;
using System.Net;
using System.Text.Json;
using PqlGrains.Calibration.Outcomes;
using PqlGrains.Calibration.Replay;
using PqlGrains.Cli.Tests;
using PqlGrains.IntegrationTests.Leads;
using PqlGrains.Simulation;

namespace PqlGrains.IntegrationTests.Export;

/// <summary>
/// Rep verdicts and conversions recorded in a running cluster, exported with <c>pql export</c> and learnt from by
/// <c>pql calibrate</c>: the leads are opened for users of a simulated history that runs from 30 days ago to 60 days
/// ahead, so the leads qualify inside its training period.
/// </summary>
public sealed class ClusterExportTests(LeadsPipelineHost host) : IClassFixture<LeadsPipelineHost>, IDisposable
{
    private static readonly TimeSpan LabelWindow = TimeSpan.FromDays(21);
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Export_writes_the_clusters_verdicts_and_conversions_and_calibrate_labels_training_snapshots_with_them()
    {
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-30);
        var simulation = _cli.PathOf("sim");
        await SimulationFiles.WriteAsync(new SimulationOptions { Users = 1_000, Accounts = 150, Days = 90, Seed = 11, Start = start }, simulation);
        var steady = SteadyPersonalUsers(simulation, start, count: 4);
        var (good, tooEarly, notAFit, converter) = (steady[0], steady[1], steady[2], steady[3]);
        var accountUser = "export-" + Guid.NewGuid().ToString("N")[..8];
        var accountId = accountUser + "-co";

        // A lead qualified when the event that crossed its tier happened; Qualifying stamps events five minutes ago.
        var before = DateTimeOffset.UtcNow.AddMinutes(-6);
        foreach (var user in steady)
        {
            await TrackAsync(Qualifying(user, accountId: null));
        }

        await TrackAsync(Qualifying(accountUser, accountId));
        await VerdictAsync(await LeadOfAsync("user:" + good), "good");
        await VerdictAsync(await LeadOfAsync("user:" + tooEarly), "too_early");
        await VerdictAsync(await LeadOfAsync("user:" + notAFit), "not_a_fit");
        await LeadOfAsync("user:" + converter);
        await LeadOfAsync("account:" + accountId);
        var userConvertedAt = start.AddDays(25);
        var accountConvertedAt = start.AddDays(26);
        await ConvertAsync($$"""{"userId":"{{converter}}","amount":100,"at":"{{userConvertedAt:O}}"}""");
        await ConvertAsync($$"""{"accountId":"{{accountId}}","amount":500,"at":"{{accountConvertedAt:O}}"}""");

        var exported = _cli.PathOf("export");
        var export = await _cli.RunAsync("export", "--url", host.Client.BaseAddress!.ToString(), "--admin-token", LeadsPipelineHost.AdminToken, "--out", exported);

        Assert.True(export.ExitCode == 0, export.Error);
        var feedback = FeedbackFile.Read(Path.Combine(exported, FeedbackFile.FileName)).ToDictionary(f => f.UserId);
        Assert.Equal([(good, FeedbackVerdict.Good), (tooEarly, FeedbackVerdict.TooEarly), (notAFit, FeedbackVerdict.NotAFit)], feedback.Values.Select(f => (f.UserId, f.Verdict)).OrderBy(f => f.Verdict));
        Assert.All(feedback.Values, f => Assert.InRange(f.QualifiedAt, before, DateTimeOffset.UtcNow));
        Assert.All(feedback.Values, f => Assert.Equal($"user:{f.UserId}~1", f.LeadId));
        var conversions = ConversionFile.Read(Path.Combine(exported, ConversionFile.FileName));
        Assert.Contains(new ConversionRecord(converter, null, userConvertedAt, 100m), conversions);
        Assert.Contains(new ConversionRecord(accountUser, accountId, accountConvertedAt, 500m), conversions);

        var labelsPath = _cli.PathOf("labels.csv");
        var calibrate = await _cli.RunAsync(
            "calibrate", "--events", Path.Combine(simulation, SimulationFiles.EventsFileName),
            "--conversions", Path.Combine(simulation, SimulationFiles.ConversionsFileName),
            "--conversions", Path.Combine(exported, ConversionFile.FileName),
            "--feedback", Path.Combine(exported, FeedbackFile.FileName),
            "--out", _cli.PathOf("calibrated.yaml"), "--labels", labelsPath, "--target-rate", "0.15");

        Assert.True(calibrate.ExitCode == 0, calibrate.Error);
        Assert.Contains("labels with 3 rep verdicts", calibrate.Output, StringComparison.Ordinal);
        var labels = ReadLabels(labelsPath);
        AssertWindow(labels, good, feedback[good].QualifiedAt, "1", "good");
        AssertWindow(labels, notAFit, feedback[notAFit].QualifiedAt, "0", "not_a_fit");
        AssertWindow(labels, converter, userConvertedAt, "1", "conversion");
        Assert.DoesNotContain(labels, l => l.User == tooEarly && InWindow(l.CutOff, feedback[tooEarly].QualifiedAt));
        Assert.Contains(labels, l => l.User == tooEarly);
        Assert.DoesNotContain(labels, l => l.User == good && l.CutOff >= feedback[good].QualifiedAt);
    }

    [Fact]
    public async Task A_wrong_admin_token_is_refused_with_the_setting_to_pass_and_nothing_is_written()
    {
        var exported = _cli.PathOf("refused");

        var (exitCode, _, error) = await _cli.RunAsync("export", "--url", host.Client.BaseAddress!.ToString(), "--admin-token", "not-the-token", "--out", exported);

        Assert.Equal(2, exitCode);
        Assert.Contains("refused the admin token (401); pass the value of its Pql:Api:AdminToken with --admin-token", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(exported));
    }

    public void Dispose() => _cli.Dispose();

    private static void AssertWindow(IReadOnlyList<(string User, DateTimeOffset CutOff, string Label, string Source)> labels, string user, DateTimeOffset outcomeAt, string label, string source)
    {
        var inWindow = labels.Where(l => l.User == user && InWindow(l.CutOff, outcomeAt)).ToList();
        Assert.NotEmpty(inWindow);
        Assert.All(inWindow, l => Assert.Equal((label, source), (l.Label, l.Source)));
    }

    private static bool InWindow(DateTimeOffset cutOff, DateTimeOffset outcomeAt) => cutOff < outcomeAt && cutOff + LabelWindow >= outcomeAt;

    private static List<(string User, DateTimeOffset CutOff, string Label, string Source)> ReadLabels(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal(LabelFile.Header, lines[0]);
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(f => (f[0], DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]))];
    }

    /// <summary>Users without a company who never convert in the simulation and are active every week of its first month.</summary>
    private static string[] SteadyPersonalUsers(string simulation, DateTimeOffset start, int count)
    {
        var converters = ConversionFile.Read(Path.Combine(simulation, SimulationFiles.ConversionsFileName)).Select(c => c.UserId).ToHashSet();
        var companyUsers = new HashSet<string>();
        var activeWeeks = new Dictionary<string, HashSet<int>>();
        foreach (var line in File.ReadLines(Path.Combine(simulation, SimulationFiles.EventsFileName)))
        {
            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            var userId = root.GetProperty("userId").GetString()!;
            if (root.GetProperty("type").GetString() == "group")
            {
                companyUsers.Add(userId);
            }
            else if (root.GetProperty("type").GetString() == "track")
            {
                var day = (root.GetProperty("timestamp").GetDateTimeOffset() - start).TotalDays;
                if (day is >= 3 and < 31)
                {
                    (activeWeeks.TryGetValue(userId, out var weeks) ? weeks : activeWeeks[userId] = []).Add((int)((day - 3) / 7));
                }
            }
        }

        var steady = activeWeeks.Where(a => a.Value.Count == 4 && !companyUsers.Contains(a.Key) && !converters.Contains(a.Key)).Select(a => a.Key).Order(StringComparer.Ordinal).Take(count).ToArray();
        Assert.True(steady.Length == count, $"The simulation has only {steady.Length} steady personal users; raise --users.");
        return steady;
    }

    private static string Qualifying(string userId, string? accountId)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        var context = accountId is null ? null : new { groupId = accountId };
        var messages = new List<object>();
        if (accountId is not null)
        {
            messages.Add(new { type = "group", userId, groupId = accountId, messageId = $"{userId}-x-g", timestamp = at, traits = new { name = "Export Co" } });
        }

        messages.Add(new { type = "track", userId, @event = "user.billing_page_viewed", messageId = $"{userId}-x-1", timestamp = at.AddMinutes(1), context });
        messages.Add(new { type = "track", userId, @event = "team.member_invited", messageId = $"{userId}-x-2", timestamp = at.AddMinutes(2), context });
        return JsonSerializer.Serialize(new { batch = messages });
    }

    private async Task TrackAsync(string batch) => Assert.Equal(HttpStatusCode.OK, (await host.TrackAsync(batch)).StatusCode);

    private async Task<string> LeadOfAsync(string subject)
    {
        var leadId = subject + "~1";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var response = await host.ApiAsync(HttpMethod.Get, "/api/leads/" + Uri.EscapeDataString(leadId));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var lead = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (lead.RootElement.GetProperty("context").ValueKind == JsonValueKind.Object)
                {
                    return leadId;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No lead {leadId} with its context within 30 s.");
    }

    private async Task VerdictAsync(string leadId, string verdict) =>
        Assert.Equal(HttpStatusCode.OK, (await host.ApiAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/feedback", $$"""{"verdict":"{{verdict}}"}""")).StatusCode);

    private async Task ConvertAsync(string json) => Assert.Equal(HttpStatusCode.OK, (await host.ApiAsync(HttpMethod.Post, "/api/conversions", json)).StatusCode);
}
