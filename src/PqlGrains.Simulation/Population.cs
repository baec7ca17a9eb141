namespace PqlGrains.Simulation;

/// <summary>The accounts and users of a simulated product, drawn once from the seed.</summary>
public sealed class Population
{
    private Population(IReadOnlyList<SimulatedAccount> accounts, IReadOnlyList<SimulatedUser> users)
    {
        Accounts = accounts;
        Users = users;
    }

    public IReadOnlyList<SimulatedAccount> Accounts { get; }

    public IReadOnlyList<SimulatedUser> Users { get; }

    internal static Population Draw(SimulationOptions options, Pcg32 random)
    {
        var accounts = DrawAccounts(options.Accounts, random);
        var cumulativeWeights = CumulativeWeights(accounts);
        var users = new List<SimulatedUser>(options.Users);
        var companyUsers = 0;
        for (var index = 0; index < options.Users; index++)
        {
            var personal = accounts.Count == 0 || random.Chance(options.PersonalEmailShare);
            var first = random.Pick(ProductCatalogue.FirstNames);
            var last = random.Pick(ProductCatalogue.LastNames);
            var signupDay = Math.Min(options.Days - 1, (int)(options.Days * random.NextDouble()));
            var id = $"u_{index:D6}";
            var local = $"{first}.{last}{index}".ToLowerInvariant();
            if (personal)
            {
                var intent = random.NextGaussian() - 0.4;
                users.Add(new SimulatedUser(id, $"{first} {last}", $"{local}@{random.Pick(ProductCatalogue.PersonalDomains)}", null, signupDay, intent));
                continue;
            }

            // Every account gets a first user before any account gets a second, then bigger companies attract more.
            var account = companyUsers < accounts.Count
                ? accounts[companyUsers]
                : accounts[PickWeighted(cumulativeWeights, random)];
            companyUsers++;
            var companyIntent = 0.6 * account.Affinity + 0.8 * random.NextGaussian() + 0.15 * Math.Log10(account.Employees);
            account.UserCount++;
            account.FirstSignupDay = Math.Min(account.FirstSignupDay, signupDay);
            users.Add(new SimulatedUser(id, $"{first} {last}", $"{local}@{account.Domain}", account, signupDay, companyIntent));
        }

        return new Population(accounts, users);
    }

    private static List<SimulatedAccount> DrawAccounts(int count, Pcg32 random)
    {
        var accounts = new List<SimulatedAccount>(count);
        var usedNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < count; index++)
        {
            var baseName = $"{random.Pick(ProductCatalogue.CompanyStems)} {random.Pick(ProductCatalogue.CompanySuffixes)}";
            var seen = usedNames.TryGetValue(baseName, out var n) ? n + 1 : 1;
            usedNames[baseName] = seen;
            var name = seen == 1 ? baseName : $"{baseName} {seen}";
            var domain = name.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + ".com";
            var employees = (int)Math.Clamp(Math.Round(Math.Exp(3.0 + 1.3 * random.NextGaussian())), 1, 20_000);
            accounts.Add(new SimulatedAccount($"acc_{index:D5}", name, domain, employees, random.Pick(ProductCatalogue.Countries), random.NextGaussian()));
        }

        return accounts;
    }

    private static double[] CumulativeWeights(IReadOnlyList<SimulatedAccount> accounts)
    {
        var cumulative = new double[accounts.Count];
        var total = 0.0;
        for (var i = 0; i < accounts.Count; i++)
        {
            total += 1.0 + Math.Sqrt(accounts[i].Employees) / 4.0;
            cumulative[i] = total;
        }

        return cumulative;
    }

    private static int PickWeighted(double[] cumulative, Pcg32 random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
