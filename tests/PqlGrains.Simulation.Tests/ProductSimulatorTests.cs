using PqlGrains.Simulation;

namespace PqlGrains.Simulation.Tests;

public sealed class ProductSimulatorTests(SimulationFixture fixture) : IClassFixture<SimulationFixture>
{
    [Fact]
    public void MessagesComeInTimestampOrderWithUniqueIds()
    {
        var messages = fixture.Messages.ToList();
        Assert.NotEmpty(messages);
        for (var i = 1; i < messages.Count; i++)
        {
            Assert.True(messages[i - 1].Timestamp <= messages[i].Timestamp, $"message {i} goes back in time");
        }

        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public void EveryUserIsIdentifiedWithTraitsBeforeTheirFirstOtherEvent()
    {
        var identified = new HashSet<string>();
        foreach (var message in fixture.Messages)
        {
            if (message.Type == SegmentCall.Identify && message.Properties.Any(p => p.Key == "email"))
            {
                Assert.Equal(["email", "name", "plan", "created_at"], message.Properties.Select(p => p.Key));
                identified.Add(message.UserId);
            }

            Assert.Contains(message.UserId, identified);
        }
    }

    [Fact]
    public void CompanyUsersUseTheirAccountDomainAndPersonalUsersHaveNoAccount()
    {
        var users = fixture.Simulator.Population.Users;
        var personal = users.Where(u => u.Account is null).ToList();
        Assert.InRange(personal.Count, users.Count / 5, users.Count / 2);
        Assert.All(personal, u => Assert.Contains(u.Email.Split('@')[1], new[] { "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me" }));
        Assert.All(users.Where(u => u.Account is not null), u => Assert.EndsWith("@" + u.Account!.Domain, u.Email, StringComparison.Ordinal));
        Assert.Contains(fixture.Simulator.Population.Accounts, a => users.Count(u => u.Account == a) >= 3);
    }

    [Fact]
    public void AccountUsersCarryTheGroupOnEveryCallAndSendAGroupCallWithFirmographics()
    {
        var accountOf = fixture.Simulator.Population.Users.ToDictionary(u => u.Id, u => u.Account?.Id);
        foreach (var message in fixture.Messages)
        {
            Assert.Equal(accountOf[message.UserId], message.GroupId);
        }

        var group = fixture.Messages.First(m => m.Type == SegmentCall.Group);
        Assert.Equal(["name", "domain", "employees", "country", "plan"], group.Properties.Select(p => p.Key));
    }

    [Fact]
    public void TheProductEmitsEveryBehaviourTheDefaultDefinitionScores()
    {
        var tracks = fixture.Messages.Where(m => m.Type == SegmentCall.Track).Select(m => m.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "session.started", "feature.activated", "team.member_invited", "user.billing_page_viewed", "api_key.created", "usage.reported", "report.exported", "integration.connected" },
            tracks);
        var paths = fixture.Messages.Where(m => m.Type == SegmentCall.Page).Select(m => (string)m.Properties.Single(p => p.Key == "path").Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "/pricing", "/upgrade", "/billing" }, paths);
        Assert.Contains(paths, p => p.StartsWith("/docs/", StringComparison.Ordinal));
        Assert.Contains(fixture.Messages, m => m.Name == "usage.reported" && (double)m.Properties.Single(p => p.Key == "ratio").Value >= 0.8);
        Assert.Contains(fixture.Messages, m => m.Name == "integration.connected" && m.Properties.Any(p => p.Key == "paid" && (bool)p.Value));
    }

    [Fact]
    public void EachUserConvertsAtMostOnceAndEachAccountPaysOnce()
    {
        var conversions = fixture.Conversions.ToList();
        Assert.NotEmpty(conversions);
        Assert.Equal(conversions.Count, conversions.Select(c => c.UserId).Distinct().Count());
        var accountConversions = conversions.Where(c => c.AccountId is not null).ToList();
        Assert.Equal(accountConversions.Count, accountConversions.Select(c => c.AccountId).Distinct().Count());
        var users = fixture.Simulator.Population.Users.ToDictionary(u => u.Id);
        Assert.All(conversions, c => Assert.True(c.ConvertedAt >= fixture.Options.Start.AddDays(users[c.UserId].SignupDay)));
    }

    [Fact]
    public void ConvertersMarkTheirPlanPaidAtTheConversionTime()
    {
        var upgrades = fixture.Messages
            .Where(m => m.Type == SegmentCall.Identify && m.Properties.Any(p => p.Key == "plan" && (string)p.Value == "pro"))
            .ToDictionary(m => m.UserId, m => m.Timestamp);
        Assert.All(fixture.Conversions, c => Assert.Equal(c.ConvertedAt, upgrades[c.UserId]));
    }

    [Fact]
    public void PredictiveBehavioursShowMoreLiftThanNoiseAsTheHiddenModelSays()
    {
        var converted = fixture.Conversions.ToDictionary(c => c.UserId, c => c.ConvertedAt);
        var users = fixture.Simulator.Population.Users.Select(u => u.Id).ToList();

        double Lift(Func<SimulatedMessage, bool> behaviour)
        {
            var doers = fixture.Messages
                .Where(m => behaviour(m) && (!converted.TryGetValue(m.UserId, out var at) || m.Timestamp <= at))
                .Select(m => m.UserId).ToHashSet();
            var converterRate = (double)converted.Keys.Count(doers.Contains) / converted.Count;
            var otherRate = (double)users.Count(u => !converted.ContainsKey(u) && doers.Contains(u)) / (users.Count - converted.Count);
            return converterRate / otherRate;
        }

        var apiKey = Lift(m => m.Name == "api_key.created");
        var exports = Lift(m => m.Name == "report.exported");
        var helpDocs = Lift(m => m.Type == SegmentCall.Page && m.Name == "Docs");
        Assert.True(apiKey > 2.0, $"api key lift {apiKey:F2}");
        Assert.True(apiKey > exports + 0.8, $"api key lift {apiKey:F2} vs exports {exports:F2}");
        Assert.True(helpDocs < 1.2, $"help docs lift {helpDocs:F2}");
    }
}
