using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Tests;

public sealed class EnrichmentTests
{
    [Theory]
    [InlineData("jane@gmail.com")]
    [InlineData("JANE@GoogleMail.com")]
    [InlineData("bob@yahoo.co.uk")]
    [InlineData("someone@protonmail.com")]
    public void Personal_email_domains_have_no_company(string email)
    {
        Assert.Null(CompanyDomain.OfCompanyEmail(email, PersonalEmailDomains.Default));
    }

    [Fact]
    public void Company_email_gives_its_lower_case_domain()
    {
        Assert.Equal("acme.io", CompanyDomain.OfCompanyEmail("Jane.Doe@ACME.io", PersonalEmailDomains.Default));
        Assert.Null(CompanyDomain.OfCompanyEmail("not-an-address", PersonalEmailDomains.Default));
    }

    [Fact]
    public void Shipped_list_is_the_full_email_providers_list_and_covers_subdomains()
    {
        Assert.True(PersonalEmailDomains.Default.Count > 8_000);
        Assert.True(PersonalEmailDomains.Default.IsPersonal("mail.gmail.com"));
        Assert.False(PersonalEmailDomains.Default.IsPersonal("gmail.acme.com"));
    }

    [Fact]
    public async Task Csv_firmographics_file_loads_quoted_fields_in_any_column_order()
    {
        var provider = FileFirmographicsProvider.FromCsv(
            "employees,domain,name,industry,country,region,estimated_arr\n" +
            "120,acme.com,\"Acme, Inc.\",Software,de,EMEA,\"60,000\"\n" +
            "12,tiny.io,Tiny,,US,NA,\n",
            "companies.csv");

        var acme = await provider.FindAsync("ACME.com", CancellationToken.None);
        Assert.Equal(new Firmographics("Acme, Inc.", 120, "Software", "DE", "EMEA", 60_000m, "firmographics file companies.csv"), acme);
        Assert.Null((await provider.FindAsync("tiny.io", CancellationToken.None))!.Industry);
        Assert.Null(await provider.FindAsync("unknown.com", CancellationToken.None));
    }

    [Fact]
    public async Task Json_firmographics_file_loads_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"firmographics-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[{ "domain": "acme.com", "employees": 75, "country": "FR", "estimated_arr": 40000 }]""");
        try
        {
            var provider = FileFirmographicsProvider.Load(path);

            var acme = (await provider.FindAsync("acme.com", CancellationToken.None))!;
            Assert.Equal((75, "FR", 40_000m), (acme.Employees, acme.Country, acme.EstimatedArr));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Firmographics_file_errors_name_the_line_and_the_fix()
    {
        var noDomain = Assert.Throws<FirmographicsFileException>(() => FileFirmographicsProvider.FromCsv("name,employees\nAcme,5\n", "c.csv"));
        Assert.Contains("line 1", noDomain.Message);
        Assert.Contains("'domain' column", noDomain.Message);

        var ragged = Assert.Throws<FirmographicsFileException>(() => FileFirmographicsProvider.FromCsv("domain,name\nacme.com,Acme,Extra\n", "c.csv"));
        Assert.Contains("line 2", ragged.Message);
        Assert.Contains("quote values", ragged.Message);

        var twice = Assert.Throws<FirmographicsFileException>(() => FileFirmographicsProvider.FromJson("""[{"domain":"a.com"},{"domain":"A.com"}]""", "c.json"));
        Assert.Contains("entry [1]", twice.Message);
    }

    [Fact]
    public async Task Group_traits_come_first_and_the_file_fills_the_gaps()
    {
        var file = FileFirmographicsProvider.FromCsv("domain,employees,industry,country,region\nacme.com,10,Retail,US,NA\n", "c.csv");
        var enricher = new LeadEnricher([file]);
        var traits = new Dictionary<string, string?> { ["employees"] = "51-200", ["address.country"] = "de" };

        var enrichment = await enricher.EnrichAsync("jane@acme.com", traits, SegmentThresholds.Default, CancellationToken.None);

        Assert.Equal("acme.com", enrichment.CompanyDomain);
        Assert.Equal((51, "DE", "Retail", "NA"), (enrichment.Firmographics!.Employees, enrichment.Firmographics.Country, enrichment.Firmographics.Industry, enrichment.Firmographics.Region));
        Assert.Equal("group traits + firmographics file c.csv", enrichment.Firmographics.Source);
        Assert.Equal(Segment.Enterprise, enrichment.Segment.Segment);
    }

    [Fact]
    public async Task Personal_email_is_not_looked_up_and_classifies_as_smb()
    {
        var lookups = new CountingProvider(null);
        var enrichment = await new LeadEnricher([lookups]).EnrichAsync("jane@gmail.com", null, SegmentThresholds.Default, CancellationToken.None);

        Assert.True(enrichment.PersonalEmail);
        Assert.Null(enrichment.CompanyDomain);
        Assert.Equal(0, lookups.Calls);
        Assert.Equal(Segment.Smb, enrichment.Segment.Segment);
    }

    [Fact]
    public async Task Website_trait_names_the_company_when_the_contact_used_a_personal_address()
    {
        var traits = new Dictionary<string, string?> { ["website"] = "https://www.acme.com/about" };

        var enrichment = await new LeadEnricher([]).EnrichAsync("jane@gmail.com", traits, SegmentThresholds.Default, CancellationToken.None);

        Assert.Equal("acme.com", enrichment.CompanyDomain);
    }

    [Fact]
    public async Task Unavailable_provider_is_skipped_so_routing_goes_on()
    {
        var file = FileFirmographicsProvider.FromCsv("domain,employees\nacme.com,300\n", "c.csv");
        var enrichment = await new LeadEnricher([new DownProvider(), file]).EnrichAsync("a@acme.com", null, SegmentThresholds.Default, CancellationToken.None);

        Assert.Equal(300, enrichment.Firmographics!.Employees);
    }

    [Fact]
    public async Task Cache_answers_repeat_lookups_including_misses_until_they_expire()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        var inner = new CountingProvider(null);
        var cache = new CachedFirmographicsProvider(inner, capacity: 10, timeToLive: TimeSpan.FromHours(1), time);

        await cache.FindAsync("acme.com", CancellationToken.None);
        await cache.FindAsync("ACME.com", CancellationToken.None);
        Assert.Equal(1, inner.Calls);

        time.Now += TimeSpan.FromHours(2);
        await cache.FindAsync("acme.com", CancellationToken.None);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Cache_is_bounded_and_evicts_the_least_recently_used_domain()
    {
        var inner = new CountingProvider(new Firmographics("X", 1, null, null, null, null, "counting"));
        var cache = new CachedFirmographicsProvider(inner, capacity: 2, timeToLive: TimeSpan.FromHours(1));

        await cache.FindAsync("a.com", CancellationToken.None);
        await cache.FindAsync("b.com", CancellationToken.None);
        await cache.FindAsync("a.com", CancellationToken.None); // a is now the most recent
        await cache.FindAsync("c.com", CancellationToken.None); // evicts b
        Assert.Equal(2, cache.Count);

        await cache.FindAsync("a.com", CancellationToken.None);
        Assert.Equal(3, inner.Calls);
        await cache.FindAsync("b.com", CancellationToken.None);
        Assert.Equal(4, inner.Calls);
    }

    private sealed class CountingProvider(Firmographics? answer) : IFirmographicsProvider
    {
        public int Calls { get; private set; }

        public ValueTask<Firmographics?> FindAsync(string domain, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(answer);
        }
    }

    private sealed class DownProvider : IFirmographicsProvider
    {
        public ValueTask<Firmographics?> FindAsync(string domain, CancellationToken cancellationToken) =>
            throw new FirmographicsUnavailableException("down for the test");
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
