namespace PqlGrains.Simulation;

/// <summary>One person using the simulated product, with the hidden state that drives them.</summary>
public sealed class SimulatedUser
{
    internal SimulatedUser(string id, string name, string email, SimulatedAccount? account, int signupDay, double intent)
    {
        Id = id;
        Name = name;
        Email = email;
        Account = account;
        SignupDay = signupDay;
        Intent = intent;
    }

    public string Id { get; }

    public string Name { get; }

    public string Email { get; }

    public SimulatedAccount? Account { get; }

    public int SignupDay { get; }

    /// <summary>Hidden latent intent z (see <see cref="HiddenModel"/>).</summary>
    internal double Intent { get; }

    internal UserEvidence Evidence { get; } = new();

    /// <summary>Day each feature was last activated (index into the feature catalogue), or -1.</summary>
    internal int[] FeatureLastDay { get; } = Enumerable.Repeat(-1, ProductCatalogue.Features.Count).ToArray();

    internal double UsageLevel { get; set; }

    internal int SessionsInFirstWeek { get; set; }

    internal int LastActiveDay { get; set; }

    public bool Churned { get; internal set; }

    public bool Converted { get; internal set; }
}
