using static PqlGrains.Simulation.DayBuffer;
using static PqlGrains.Simulation.HiddenModel;

namespace PqlGrains.Simulation;

/// <summary>
/// Generates a synthetic product day by day: sign-ups, sessions, behaviours and conversions
/// driven by <see cref="HiddenModel"/>. Output is a pure function of the options (seed included);
/// only one day is held in memory, so 100K users x 90 days streams to disk.
/// </summary>
public sealed class ProductSimulator
{
    private readonly SimulationOptions _options;
    private readonly Pcg32 _random;
    private bool _started;

    public ProductSimulator(SimulationOptions options)
    {
        options.Validate();
        _options = options;
        _random = new Pcg32(options.Seed);
        Population = Population.Draw(options, _random);
    }

    /// <summary>The simulated accounts and users; their hidden state evolves as <see cref="Run"/> is enumerated.</summary>
    public Population Population { get; }

    /// <summary>The simulated days in order. Enumerate once.</summary>
    public IEnumerable<SimulatedDay> Run()
    {
        if (_started)
        {
            throw new InvalidOperationException("A ProductSimulator runs once; create a new one with the same options to replay.");
        }

        _started = true;
        return Days();
    }

    private IEnumerable<SimulatedDay> Days()
    {
        var buffer = new DayBuffer(_options.Seed);
        for (var day = 0; day < _options.Days; day++)
        {
            var dayStart = _options.Start.AddDays(day);
            var conversions = new List<SimulatedConversion>();
            foreach (var user in Population.Users)
            {
                var conversion = SimulateUserDay(user, day, dayStart, buffer);
                if (conversion is not null)
                {
                    conversions.Add(conversion);
                }
            }

            yield return new SimulatedDay(day, dayStart, buffer.Drain(), conversions);
        }
    }

    private SimulatedConversion? SimulateUserDay(SimulatedUser user, int day, DateTimeOffset dayStart, DayBuffer buffer)
    {
        if (day < user.SignupDay || user.Churned)
        {
            return null;
        }

        var model = _options.Model;
        var z = user.Intent;
        if (day > user.SignupDay)
        {
            user.Evidence.Decay(model.DailyDecay);
        }

        var age = day - user.SignupDay;
        var active = age == 0 || _random.Chance(Sigmoid(-0.3 + 0.9 * z - 0.015 * age));
        if (!active)
        {
            var idle = day - user.LastActiveDay;
            user.Churned = _random.Chance(Sigmoid(model.ChurnIntercept - 0.7 * z + 0.08 * idle));
            return null;
        }

        var sessions = SessionStarts(dayStart, z);
        if (age == 0)
        {
            SignUp(user, sessions[0].AddSeconds(-30), buffer);
        }

        var session = new SessionClock(sessions, _random);
        foreach (var start in sessions)
        {
            buffer.Track(user, start, "session.started");
        }

        if (age < 7)
        {
            user.SessionsInFirstWeek += sessions.Length;
        }

        Behave(user, day, session, buffer);
        user.LastActiveDay = day;
        return MaybeConvert(user, session.Latest, dayStart, buffer);
    }

    private DateTimeOffset[] SessionStarts(DateTimeOffset dayStart, double z)
    {
        var count = 1 + (_random.Chance(Sigmoid(-0.8 + 0.5 * z)) ? 1 : 0) + (_random.Chance(Sigmoid(-1.8 + 0.5 * z)) ? 1 : 0);
        var starts = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            // Working hours, whole seconds so the ISO timestamps round-trip exactly.
            starts[i] = dayStart.AddSeconds(7 * 3600 + _random.Next(13 * 3600));
        }

        Array.Sort(starts);
        return starts;
    }

    private static void SignUp(SimulatedUser user, DateTimeOffset at, DayBuffer buffer)
    {
        buffer.Identify(user, at, [new("email", user.Email), new("name", user.Name), new("plan", "free"), new("created_at", at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))], "anon-" + user.Id);
        if (user.Account is { } account)
        {
            buffer.Group(user, at.AddSeconds(1), [new("name", account.Name), new("domain", account.Domain), new("employees", account.Employees), new("country", account.Country), new("plan", account.IsPaying ? "pro" : "free")]);
        }
    }

    private void Behave(SimulatedUser user, int day, SessionClock session, DayBuffer buffer)
    {
        var z = user.Intent;
        var evidence = user.Evidence;
        if (_random.Chance(Sigmoid(-1.4 + 0.6 * z)))
        {
            var feature = _random.Next(ProductCatalogue.Features.Count);
            user.FeatureLastDay[feature] = day;
            buffer.Track(user, session.Next(), "feature.activated", Prop("feature", ProductCatalogue.Features[feature]));
        }

        if (user.Account is { } account && _random.Chance(Sigmoid(-2.8 + 0.8 * z)))
        {
            var invites = _random.Chance(0.3) ? 2 : 1;
            for (var i = 0; i < invites; i++)
            {
                buffer.Track(user, session.Next(), "team.member_invited", Prop("invitee_email", $"teammate{_random.Next(10_000)}@{account.Domain}"), Prop("role", "member"));
            }

            evidence.Invites += invites;
        }

        if (_random.Chance(Sigmoid(-1.6 - 0.3 * z)))
        {
            var path = _random.Pick(ProductCatalogue.BillingPaths);
            var at = session.Next();
            buffer.Page(user, at, path == "/pricing" ? "Pricing" : path == "/upgrade" ? "Upgrade" : "Billing", path);
            if (_random.Chance(0.5))
            {
                buffer.Track(user, at.AddSeconds(2), "user.billing_page_viewed", Prop("path", path));
            }

            evidence.BillingVisits += 1;
        }

        if (!evidence.HasApiKey && _random.Chance(Sigmoid(-3.4 + 1.0 * z)))
        {
            evidence.HasApiKey = true;
            buffer.Track(user, session.Next(), "api_key.created", Prop("scope", "read_write"));
        }

        user.UsageLevel += _random.NextDouble() * (0.02 + 0.08 * Sigmoid(z));
        var ratio = Math.Round(Math.Min(1.5, user.UsageLevel * (0.9 + 0.2 * _random.NextDouble())), 2);
        buffer.Track(user, session.Next(), "usage.reported", Prop("metric", "records"), Prop("ratio", ratio));
        if (ratio >= 0.8)
        {
            evidence.UsageNearLimit += 1;
        }

        if (_random.Chance(0.15))
        {
            evidence.Exports += 1;
            buffer.Track(user, session.Next(), "report.exported", Prop("format", _random.Chance(0.7) ? "csv" : "pdf"));
        }

        if (_random.Chance(Sigmoid(-3.2 + 0.6 * z)))
        {
            var (name, paid) = _random.Pick(ProductCatalogue.Integrations);
            buffer.Track(user, session.Next(), "integration.connected", Prop("integration", name), Prop("paid", paid));
            if (paid)
            {
                evidence.PaidIntegration += 1;
            }
        }

        if (_random.Chance(Sigmoid(-1.9 - 0.4 * z)))
        {
            evidence.HelpDocs += 1;
            buffer.Page(user, session.Next(), "Docs", _random.Pick(ProductCatalogue.HelpPaths));
        }

        var distinct = 0;
        foreach (var last in user.FeatureLastDay)
        {
            distinct += last >= 0 && last >= day - 13 ? 1 : 0;
        }

        evidence.DistinctFeatures14Days = distinct;
    }

    private SimulatedConversion? MaybeConvert(SimulatedUser user, DateTimeOffset lastEvent, DateTimeOffset dayStart, DayBuffer buffer)
    {
        if (user.Converted || user.Account is { IsPaying: true })
        {
            return null;
        }

        var logit = _options.Model.ConversionLogit(user.Evidence, user.Intent, _options.Model.NoiseSigma * _random.NextGaussian());
        if (!_random.Chance(Sigmoid(logit)))
        {
            return null;
        }

        user.Converted = true;
        var convertedAt = lastEvent.AddSeconds(300 + _random.Next(7200));
        var dayEnd = dayStart.AddDays(1).AddSeconds(-1);
        convertedAt = convertedAt > dayEnd ? dayEnd : convertedAt;
        buffer.Identify(user, convertedAt, [new("plan", "pro")]);
        decimal amount = 228;
        if (user.Account is { } account)
        {
            account.IsPaying = true;
            amount = 588m * Math.Clamp(account.UserCount, 1, 50);
            buffer.Group(user, convertedAt, [new("plan", "pro")]);
        }

        return new SimulatedConversion(user.Id, user.Account?.Id, convertedAt, amount);
    }
}
