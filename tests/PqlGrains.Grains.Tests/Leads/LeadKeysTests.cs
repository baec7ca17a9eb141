using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Tests.Leads;

public sealed class LeadKeysTests
{
    [Fact]
    public void A_user_with_an_account_qualifies_the_accounts_lead_and_a_user_without_one_its_own()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Equal("account:acme", LeadKeys.SubjectOf(new TierChanged(SubjectKind.User, "u-1", null, "hot", 60, "v1", at, false, "acme")));
        Assert.Equal("user:u-1", LeadKeys.SubjectOf(new TierChanged(SubjectKind.User, "u-1", null, "hot", 60, "v1", at, false)));
        Assert.Equal("account:acme", LeadKeys.SubjectOf(new TierChanged(SubjectKind.Account, "acme", null, "hot", 60, "v1", at, false)));
    }

    [Theory]
    [InlineData("account:acme~3", "account:acme")]
    [InlineData("user:a~b~12", "user:a~b")]
    [InlineData("account:acme", null)]
    [InlineData("order:1~2", null)]
    [InlineData("account:acme~x", null)]
    public void Lead_ids_lead_back_to_their_grain_and_foreign_ids_do_not(string leadId, string? subject)
    {
        Assert.Equal(subject, LeadKeys.SubjectOfLead(leadId));
    }
}
