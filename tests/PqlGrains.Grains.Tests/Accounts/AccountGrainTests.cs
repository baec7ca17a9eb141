using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Accounts;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Accounts;

[Collection(IngestClusterCollection.Name)]
public sealed class AccountGrainTests(IngestClusterFixture fixture)
{
    [Fact]
    public async Task Users_linked_by_group_context_and_company_trait_roll_up_into_their_account()
    {
        var accountId = "acct-" + Guid.NewGuid().ToString("N")[..8];
        var (viaGroup, viaContext, viaTrait) = (NewUserId(), NewUserId(), NewUserId());
        await fixture.Ingestor.IngestAsync(
            [
                Group(viaGroup, accountId, 0, ("name", PropertyValue.From("Acme")), ("employees", PropertyValue.From(120)), ("country", PropertyValue.From("DE"))),
                Track(viaGroup, "billing_page_viewed", minute: 1),
                Track(viaContext, "member_invited", minute: 1, groupId: accountId),
                Identify(viaTrait, 0, ("company.id", PropertyValue.From(accountId)), ("email", PropertyValue.From("c@acme.io"))),
                Track(viaTrait, "feature_activated", minute: 2),
            ],
            CancellationToken.None);
        await fixture.DispatchedAsync();

        var account = await Eventually.Get(
            () => fixture.AccountAsync(accountId),
            view => view is { Users.Length: 3 } && view.Score.Breakdown.Any(s => s.Signal == "active_users" && s.Points > 0),
            "three members rolled up, their events feeding the account's active-users signal");

        // Members' scores (each decayed a hair since reported) plus the account's own signal.
        var accountSignal = account!.Score.Breakdown.Single(s => s.Signal == "active_users").Points;
        Assert.Equal(account.Users.Sum(u => u.Score) + accountSignal, account.Score.Score, precision: 1);
        Assert.Equal(3, account.ActiveUsers7d);
        Assert.Equal(("Acme", 120.0, "DE"), (account.Traits.Name, account.Traits.Employees!.Value, account.Traits.Country));
        Assert.Equal([viaGroup, viaContext, viaTrait], account.Users.Select(u => u.UserId));
        Assert.Equal("c@acme.io", account.Users[2].Email);
        Assert.Equal("sales_ready", account.Score.Tier);
        await Eventually.Get(
            () => Task.FromResult(fixture.TierChanges.Changes.Any(c => c.Kind == SubjectKind.Account && c.SubjectId == accountId && c.NewTier == "sales_ready")),
            published => published,
            "the account's tier change to be published");
    }

    [Fact]
    public async Task A_user_moving_to_another_account_leaves_the_first()
    {
        var (first, second) = ("acct-" + Guid.NewGuid().ToString("N")[..8], "acct-" + Guid.NewGuid().ToString("N")[..8]);
        var userId = NewUserId();
        await fixture.Ingestor.IngestAsync([Track(userId, "feature_activated", minute: 1, groupId: first)], CancellationToken.None);
        await fixture.DispatchedAsync();
        await Eventually.Get(() => fixture.AccountAsync(first), view => view is { Users.Length: 1 }, "the user in the first account");

        await fixture.Ingestor.IngestAsync([Group(userId, second, 5)], CancellationToken.None);
        await fixture.DispatchedAsync();

        await Eventually.Get(() => fixture.AccountAsync(second), view => view is { Users.Length: 1 }, "the user in the second account");
        await Eventually.Get(() => fixture.AccountAsync(first), view => view is { Users.Length: 0 }, "the user gone from the first account");
    }

    [Fact]
    public async Task An_account_never_mentioned_reads_as_unknown()
    {
        Assert.Null(await fixture.AccountAsync("acct-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task An_account_saves_its_members_when_its_settle_window_closes()
    {
        var accountId = "acct-" + Guid.NewGuid().ToString("N")[..8];
        var userId = NewUserId();
        await fixture.Ingestor.IngestAsync([Track(userId, "feature_activated", minute: 1, groupId: accountId)], CancellationToken.None);
        await fixture.DispatchedAsync();

        // Read the grain storage itself: the live account answers from memory whether or not it saved.
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(PqlStorageNames.Grains);
        await Eventually.Get(
            async () =>
            {
                var saved = new GrainState<AccountCheckpoint>();
                await storage.ReadStateAsync("account", GrainId.Create("account", accountId), saved);
                return saved.State ?? new AccountCheckpoint();
            },
            checkpoint => checkpoint.Members.ContainsKey(userId),
            "the account's checkpoint in grain storage to list the member");
    }
}
