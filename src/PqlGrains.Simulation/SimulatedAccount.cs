namespace PqlGrains.Simulation;

/// <summary>A company on the product: the group a company-email user belongs to.</summary>
public sealed class SimulatedAccount
{
    internal SimulatedAccount(string id, string name, string domain, int employees, string country, double affinity)
    {
        Id = id;
        Name = name;
        Domain = domain;
        Employees = employees;
        Country = country;
        Affinity = affinity;
    }

    public string Id { get; }

    public string Name { get; }

    public string Domain { get; }

    public int Employees { get; }

    public string Country { get; }

    /// <summary>Hidden: shared intent of the account's users.</summary>
    internal double Affinity { get; }

    public bool IsPaying { get; internal set; }

    internal int UserCount { get; set; }

    internal int FirstSignupDay { get; set; } = int.MaxValue;
}
