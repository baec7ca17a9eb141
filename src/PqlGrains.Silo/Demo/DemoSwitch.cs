namespace PqlGrains.Silo.Demo;

/// <summary>
/// Turns the bare <c>--demo</c> switch into <c>Pql:Demo:Enabled=true</c>. The command-line
/// configuration provider wants <c>--key value</c> pairs, so the switch is taken out of the
/// arguments before they reach it.
/// </summary>
public static class DemoSwitch
{
    private const string Switch = "--demo";

    public static string[] Extract(string[] args, out bool enabled)
    {
        enabled = args.Contains(Switch, StringComparer.Ordinal);
        return enabled ? [.. args.Where(arg => arg != Switch)] : args;
    }
}
