using PqlGrains.Abstractions.Definitions;

namespace PqlGrains.Grains.Tests.Definitions;

[Collection(DefinitionClusterCollection.Name)]
public sealed class DefinitionRegistryTests(DefinitionClusterFixture cluster)
{
    [Fact]
    public async Task An_invalid_definition_is_refused_with_file_line_column_and_field_path()
    {
        const string yaml = "id: broken\nversion: \"x1\"\nhalfLifeDays: seven\nsignals: []\n";

        var result = await cluster.Registry.Submit(yaml, "broken.yaml", "tests");

        Assert.Equal(DefinitionOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems, p => p.Path == "halfLifeDays");
        Assert.Equal(("broken.yaml", 3, 15), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith("broken.yaml:3:15: halfLifeDays: ", problem.Text, StringComparison.Ordinal);
        Assert.Null(await cluster.Registry.Get("x1"));
    }

    [Fact]
    public async Task A_version_resubmitted_with_other_content_is_refused_and_the_same_content_is_a_no_op()
    {
        var yaml = ClusterDefinitions.Yaml("r1", billing: 50, invite: 30, warm: 40, hot: 60, salesReady: 80);
        Assert.Equal(DefinitionOutcome.Changed, (await cluster.Registry.Submit(yaml, "r1.yaml", "tests")).Outcome);

        var again = await cluster.Registry.Submit(yaml, "r1.yaml", "tests");
        var edited = await cluster.Registry.Submit(yaml.Replace("points: 50", "points: 55", StringComparison.Ordinal), "r1.yaml", "tests");

        Assert.Equal(DefinitionOutcome.Unchanged, again.Outcome);
        Assert.Equal(DefinitionOutcome.Conflict, edited.Outcome);
        Assert.Contains("bump `version`", edited.Message, StringComparison.Ordinal);
        Assert.Equal(yaml, (await cluster.Registry.Get("r1"))!.Yaml);
    }

    [Fact]
    public async Task Every_change_is_audited_with_actor_time_and_a_line_diff_against_the_active_version()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        var yaml = ClusterDefinitions.Yaml("a1", billing: 45, invite: 30, warm: 40, hot: 60, salesReady: 80);
        var before = DateTimeOffset.UtcNow;

        await cluster.Registry.Submit(yaml, "a1.yaml", "ana@revops");
        await cluster.Registry.Activate("a1", "ben@revops");
        await cluster.Registry.Activate("c1", "ben@revops");

        var audit = await cluster.Registry.Audit(0, 3);
        Assert.Equal(
            [(DefinitionAction.Activated, "c1", "ben@revops", "a1"), (DefinitionAction.Activated, "a1", "ben@revops", "c1"), (DefinitionAction.Submitted, "a1", "ana@revops", "c1")],
            audit.Select(entry => (entry.Action, entry.Version, entry.Actor, entry.ComparedWith)));
        Assert.All(audit, entry => Assert.InRange(entry.At, before, DateTimeOffset.UtcNow));
        var diff = audit[1].Diff.Split('\n');
        Assert.Contains("-version: \"c1\"", diff);
        Assert.Contains("+version: \"a1\"", diff);
        Assert.Contains("-    points: 50", diff);
        Assert.Contains("+    points: 45", diff);
        Assert.DoesNotContain(diff, line => line.Contains("points: 15", StringComparison.Ordinal) && line[0] != ' ');
    }

    [Fact]
    public async Task The_active_version_cannot_be_shadowed_and_unknown_versions_are_not_found()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);

        Assert.Equal(DefinitionOutcome.Conflict, (await cluster.Registry.StartShadow("c1", "tests")).Outcome);
        Assert.Equal(DefinitionOutcome.NotFound, (await cluster.Registry.Activate("no-such-version", "tests")).Outcome);
        var catalog = await cluster.Registry.GetCatalog();
        Assert.Equal("c1", catalog.ActiveVersion);
        Assert.Single(catalog.Versions, version => version.Active);
    }
}
