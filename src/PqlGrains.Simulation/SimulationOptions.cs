namespace PqlGrains.Simulation;

/// <summary>Shape of one simulated product. The same options and seed always give the same output.</summary>
public sealed record SimulationOptions
{
    public int Users { get; init; } = 1_000;

    public int Accounts { get; init; } = 150;

    public int Days { get; init; } = 90;

    public ulong Seed { get; init; } = 1;

    /// <summary>Midnight UTC of the first simulated day. Fixed by default so output never depends on the clock.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Share of users who sign up with a personal address (gmail.com, ...) and belong to no account.</summary>
    public double PersonalEmailShare { get; init; } = 0.35;

    public HiddenModel Model { get; init; } = HiddenModel.Default;

    /// <summary>Throws with an operator-facing message naming the bad option.</summary>
    public void Validate()
    {
        if (Users < 1)
        {
            throw new ArgumentException($"--users must be at least 1 (got {Users}).");
        }

        if (Accounts < 0)
        {
            throw new ArgumentException($"--accounts must be 0 or more (got {Accounts}).");
        }

        if (Days < 1 || Days > 3_650)
        {
            throw new ArgumentException($"--days must be between 1 and 3650 (got {Days}).");
        }

        if (PersonalEmailShare is < 0 or > 1)
        {
            throw new ArgumentException($"The personal email share must be between 0 and 1 (got {PersonalEmailShare}).");
        }

        if (Accounts == 0 && PersonalEmailShare < 1 && Users > 0)
        {
            throw new ArgumentException("--accounts is 0 but some users have company emails: give at least one account, or make every user personal.");
        }

        if (Start.Offset != TimeSpan.Zero || Start.TimeOfDay != TimeSpan.Zero)
        {
            throw new ArgumentException($"The simulation start must be midnight UTC (got {Start:O}).");
        }
    }
}
