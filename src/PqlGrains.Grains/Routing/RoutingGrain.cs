using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Routing.Loading;

namespace PqlGrains.Grains.Routing;

/// <summary>
/// Holds the routing file for the whole cluster. A replacement through the API survives restarts and wins over the
/// file named by <c>Pql:Routing:Path</c>, which only seeds an empty store.
/// </summary>
public sealed class RoutingGrain(
    [PersistentState("routing", PqlStorageNames.Grains)] IPersistentState<RoutingState> state,
    IOptions<RoutingOptions> options,
    TimeProvider time) : Grain, IRoutingGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Document is null)
        {
            var path = options.Value.Path;
            var (text, source) = string.IsNullOrWhiteSpace(path)
                ? (RoutingFile.DemoText(), "embedded demo routing")
                : (await File.ReadAllTextAsync(path, cancellationToken), path);
            // Fail activation with the full list of problems rather than route on a half-valid file.
            RoutingFile.Parse(text, source);
            state.State.Document = new RoutingDocument(1, text, source, time.GetUtcNow());
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<RoutingDocument> Get() => Task.FromResult(state.State.Document!);

    public async Task<RoutingReplaceResult> Replace(string text, string source)
    {
        var result = RoutingFile.TryParse(text);
        if (!result.IsValid)
        {
            return new RoutingReplaceResult(null, [.. result.Errors.Select(error => error.ToString())]);
        }

        var document = new RoutingDocument(state.State.Document!.Revision + 1, text, source, time.GetUtcNow());
        state.State.Document = document;
        await state.WriteStateAsync();
        return new RoutingReplaceResult(document, []);
    }
}
