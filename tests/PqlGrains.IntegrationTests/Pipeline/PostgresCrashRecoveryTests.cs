using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Users;
using PqlGrains.Postgres.EventLog;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Silo.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// PostgreSQL mode, two silos: a silo dies without deactivating anything (no checkpoint, no
/// watermark save); every acknowledged event must still be reflected in the scores, none twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashRecoveryTests(PostgresServer server)
{
    private const int Partitions = 4;

    [Fact]
    public async Task Every_acknowledged_event_is_scored_exactly_once_after_a_silo_dies()
    {
        var connectionString = await server.CreateDatabaseAsync("crash");
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            // Two missed probes of 2 s: with two silos one vote declares death, so a single probe lost to a stall of
            // the shared 2-core machine must not evict the silo that is to survive.
            silo.Configure<ClusterMembershipOptions>(membership =>
            {
                membership.ProbeTimeout = TimeSpan.FromSeconds(2);
                membership.NumMissedProbesLimit = 2;
            });
            silo.AddPqlPostgresGrainStorage(PqlStorageNames.Grains);
            silo.UseInMemoryReminderService();
            silo.AddPqlIngest();
            silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            silo.Services.AddPqlPostgresEventLog();
            silo.Services.Configure<IngestOptions>(options => options.Partitions = Partitions);

            // Nothing checkpointed before the crash: recovery must come from the log alone.
            silo.Services.Configure<UserGrainOptions>(options => options.CheckpointEveryEvents = 1_000_000);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var ingestor = cluster.Silos[1].ServiceProvider.GetRequiredService<IEventIngestor>();
        var users = Enumerable.Range(0, 24).Select(i => $"crash-user-{i}").ToArray();
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeSeconds());
        var acknowledged = new List<ScoringEvent>();

        // Round one is dispatched and applied; round two is acknowledged and the silo dies right after.
        foreach (var round in new[] { 0, 1 })
        {
            var events = users.SelectMany((u, i) => new[]
            {
                new ScoringEvent($"{u}-{round}-a", u, EventType.Track, "feature.activated", at.AddMinutes(round), new EventProperties([KeyValuePair.Create("feature", PropertyValue.From($"f{round}"))])),
                new ScoringEvent($"{u}-{round}-b", u, EventType.Track, i % 2 == 0 ? "team.member_invited" : "report.exported", at.AddMinutes(round), EventProperties.Empty),
            }).ToArray();
            await ingestor.IngestAsync(events, CancellationToken.None);
            acknowledged.AddRange(events);
            if (round == 0)
            {
                await WaitForDispatchAsync(cluster.Client);
            }
        }

        // Placement spreads grains over both silos and may put all users on one of them: the victim
        // is a silo holding partitions and users when there is one (the crash then takes both down
        // together), else the one holding the most partitions (recovery from the log alone).
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var hosted = new List<(InProcessSiloHandle Silo, DetailedGrainStatistic[] Grains)>();
        foreach (var silo in cluster.Silos)
        {
            hosted.Add((silo, await management.GetDetailedGrainStatistics(hostsIds: [silo.SiloAddress])));
        }

        static int Count(DetailedGrainStatistic[] grains, string type) => grains.Count(grain => grain.GrainId.Type.ToString() == type);
        var (victim, onVictim) = hosted
            .OrderByDescending(entry => Count(entry.Grains, "ingestpartition") > 0 && Count(entry.Grains, "user") > 0)
            .ThenByDescending(entry => Count(entry.Grains, "ingestpartition"))
            .First();
        var survivor = cluster.Silos.Single(silo => silo != victim);
        Assert.Contains(onVictim, grain => grain.GrainId.Type.ToString() == "ingestpartition");
        await cluster.KillSiloAsync(victim);

        // A client retrying the whole of round two after a timeout must not count it twice.
        await survivor.ServiceProvider.GetRequiredService<IEventIngestor>().IngestAsync(acknowledged.Skip(users.Length * 2).ToArray(), CancellationToken.None);
        await WaitForDispatchAsync(cluster.Client);

        foreach (var userId in users)
        {
            var view = await cluster.Client.GetGrain<IUserGrain>(userId).GetView();
            Assert.NotNull(view);
            var mine = acknowledged.Where(e => e.UserId == userId).ToList();
            Assert.Equal(mine.Count, view.EventsApplied);
            var expected = PqlDefinition.Default.CreateUserState();
            mine.ForEach(e => expected.Apply(e));
            Assert.Equal(expected.Evaluate(view.Score.EvaluatedAt).Score, view.Score.Score);
        }
    }

    private static async Task WaitForDispatchAsync(IGrainFactory grains)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var partition = 0; partition < Partitions; partition++)
        {
            while (true)
            {
                try
                {
                    if ((await grains.GetGrain<IIngestPartitionGrain>(partition).GetProgress()).IsCaughtUp)
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
                {
                    // The partition lived on the dead silo; the next call reactivates it on the survivor.
                }

                Assert.True(DateTime.UtcNow < deadline, $"partition {partition} did not catch up within 60 s");
                await Task.Delay(50);
            }
        }
    }
}
