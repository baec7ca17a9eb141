using System.Text.Json;

namespace PqlGrains.Routing.Enrichment;

/// <summary>
/// Firmographics from a CSV (header row: domain, name, employees, industry, country, region, estimated_arr; any order,
/// only domain required) or a JSON array of objects with the same keys.
/// </summary>
public sealed class FileFirmographicsProvider : IFirmographicsProvider
{
    private readonly IReadOnlyDictionary<string, Firmographics> _companies;

    public FileFirmographicsProvider(IReadOnlyDictionary<string, Firmographics> companies)
    {
        _companies = companies;
    }

    public int Count => _companies.Count;

    public static FileFirmographicsProvider Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FirmographicsFileException($"Firmographics file '{Path.GetFullPath(path)}' does not exist; fix the configured path or remove the setting.");
        }

        var text = File.ReadAllText(path);
        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? FromJson(text, path)
            : FromCsv(text, path);
    }

    public ValueTask<Firmographics?> FindAsync(string domain, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_companies.GetValueOrDefault(domain.Trim().ToLowerInvariant()));

    public static FileFirmographicsProvider FromCsv(string text, string source)
    {
        var rows = CsvRows.Parse(text, source);
        if (rows.Count == 0)
        {
            throw new FirmographicsFileException($"Firmographics file '{source}' is empty; start with a header row such as: domain,name,employees,industry,country,region,estimated_arr");
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var domainColumn = header.IndexOf("domain");
        if (domainColumn < 0)
        {
            throw new FirmographicsFileException($"Firmographics file '{source}' line 1: the header has no 'domain' column; name the column with the company's email domain 'domain'.");
        }

        var companies = new Dictionary<string, Firmographics>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count != header.Count)
            {
                throw new FirmographicsFileException($"Firmographics file '{source}' line {row.Line}: {row.Fields.Count} fields but the header has {header.Count}; quote values that contain commas.");
            }

            string? Lookup(string key) => header.IndexOf(key) is var column && column >= 0 ? row.Fields[column] : null;
            Add(companies, row.Fields[domainColumn], FirmographicsFacts.From(Lookup, $"firmographics file {Path.GetFileName(source)}"), source, $"line {row.Line}");
        }

        return new FileFirmographicsProvider(companies);
    }

    public static FileFirmographicsProvider FromJson(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new FirmographicsFileException($"Firmographics file '{source}' is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FirmographicsFileException($"Firmographics file '{source}' must be a JSON array of objects such as {{\"domain\": \"acme.com\", \"employees\": 120, \"country\": \"DE\"}}.");
            }

            var companies = new Dictionary<string, Firmographics>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new FirmographicsFileException($"Firmographics file '{source}' entry [{index}] is not an object; write {{\"domain\": \"acme.com\", ...}}.");
                }

                Add(companies, FirmographicsJson.Property(entry, "domain"), FirmographicsJson.From(entry, $"firmographics file {Path.GetFileName(source)}"), source, $"entry [{index}]");
                index++;
            }

            return new FileFirmographicsProvider(companies);
        }
    }

    private static void Add(Dictionary<string, Firmographics> companies, string? domain, Firmographics facts, string source, string where)
    {
        var key = domain?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key))
        {
            throw new FirmographicsFileException($"Firmographics file '{source}' {where}: 'domain' is empty; every company needs its email domain, e.g. acme.com.");
        }

        if (!companies.TryAdd(key, facts))
        {
            throw new FirmographicsFileException($"Firmographics file '{source}' {where}: domain '{key}' appears twice; keep one entry per domain.");
        }
    }
}
