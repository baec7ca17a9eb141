using System.Reflection;
using PqlGrains.Routing.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PqlGrains.Routing.Loading;

/// <summary>
/// Reads routing files. YAML and JSON are both accepted (JSON is valid YAML), with snake_case keys.
/// </summary>
public static class RoutingFile
{
    private const string DemoResource = "PqlGrains.Routing.routing.demo.yaml";

    /// <summary>Reads and validates a file; throws <see cref="RoutingFileException"/> listing every problem.</summary>
    public static RoutingConfiguration Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RoutingFileException(path, [new RoutingValidationError("(file)", $"'{Path.GetFullPath(path)}' does not exist; check Pql:Routing:Path or create the file")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Validates routing text; throws <see cref="RoutingFileException"/> listing every problem.</summary>
    public static RoutingConfiguration Parse(string text, string source)
    {
        var result = TryParse(text);
        return result.IsValid ? result.Configuration! : throw new RoutingFileException(source, result.Errors);
    }

    /// <summary>Validates routing text without throwing, for the API that replaces the routing file.</summary>
    public static RoutingLoadResult TryParse(string text)
    {
        RoutingFileDocument? document;
        try
        {
            document = Deserializer.Deserialize<RoutingFileDocument?>(text);
        }
        catch (YamlException exception)
        {
            return new RoutingLoadResult(null, [Syntax(exception)]);
        }

        return document is null
            ? new RoutingLoadResult(null, [new RoutingValidationError("(file)", "is empty; start from the demo routing file (version, managers, reps, pools, rules)")])
            : new RoutingFileValidator().Validate(document);
    }

    /// <summary>The demo routing shipped for embedded mode: reps always on shift with HubSpot and Salesforce owner ids.</summary>
    public static RoutingConfiguration LoadDemo() => Parse(DemoText(), "embedded demo routing");

    public static string DemoText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DemoResource)
            ?? throw new InvalidOperationException($"Embedded resource {DemoResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static RoutingValidationError Syntax(YamlException exception)
    {
        var where = $"line {exception.Start.Line}, column {exception.Start.Column}";
        var message = exception.InnerException?.Message ?? exception.Message;
        return message.Contains("not found on type", StringComparison.Ordinal)
            ? new RoutingValidationError(where, $"unknown field ({Unqualified(message)}); check its spelling against the README's Routing section (keys are snake_case)")
            : new RoutingValidationError(where, $"{Unqualified(message)}; fix the YAML/JSON syntax there");
    }

    // YamlDotNet names our internal document types; operators need the field, not the CLR type.
    private static string Unqualified(string message)
    {
        var index = message.IndexOf(" on type ", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
