using PqlGrains.Abstractions.Accounts;
using PqlGrains.Grains.Users;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Accounts;

/// <summary>Turns group traits into <see cref="AccountTraits"/>.</summary>
internal static class AccountTraitsReader
{
    public static AccountTraits Read(EventProperties traits) => new(
        Name: TraitValues.Text(traits, "name"),
        Domain: TraitValues.Text(traits, "domain", "website"),
        Employees: TraitValues.Number(traits, "employees", "employee_count", "employeeCount"),
        Plan: TraitValues.Text(traits, "plan"),
        Country: TraitValues.Text(traits, "country", "address.country"));

    /// <summary>Newer calls win field by field; an older call only fills fields still unknown.</summary>
    public static AccountTraits Merge(AccountTraits current, AccountTraits incoming, bool incomingIsNewer) => incomingIsNewer
        ? new(incoming.Name ?? current.Name, incoming.Domain ?? current.Domain, incoming.Employees ?? current.Employees, incoming.Plan ?? current.Plan, incoming.Country ?? current.Country)
        : new(current.Name ?? incoming.Name, current.Domain ?? incoming.Domain, current.Employees ?? incoming.Employees, current.Plan ?? incoming.Plan, current.Country ?? incoming.Country);
}
