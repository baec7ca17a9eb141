using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PqlGrains.Silo.Demo;
using PqlGrains.Testing.Hosting;

namespace PqlGrains.IntegrationTests.Demo;

public sealed class DemoModeTests
{
    [Fact]
    public void The_bare_demo_switch_is_taken_out_of_the_host_arguments_and_turns_the_demo_on()
    {
        var rest = DemoSwitch.Extract(["--urls", "http://127.0.0.1:1", "--demo"], out var enabled);

        Assert.True(enabled);
        Assert.Equal(["--urls", "http://127.0.0.1:1"], rest);
        Assert.Same(rest, DemoSwitch.Extract(rest, out var again));
        Assert.False(again);
    }

    [Fact]
    public async Task The_embedded_demo_replays_a_simulated_product_until_a_lead_is_routed_to_a_rep_with_a_task()
    {
        await using var silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Pql__Demo__Enabled"] = "true",
            ["Pql__Demo__Users"] = "80",
            ["Pql__Demo__Accounts"] = "10",
            ["Pql__Demo__Days"] = "3",
            ["Pql__Demo__Speed"] = "40000",
        });
        silo.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dev-admin-token");

        // The replay is paced in wall time; wait for its effect rather than for a fixed time.
        JsonElement? task = null;
        for (var attempt = 0; attempt < 120 && task is null; attempt++)
        {
            task = await FirstDeliveredTaskAsync(silo.Http);
            if (task is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        Assert.True(task is not null, "no lead was routed to a rep with a task during the demo replay:\n" + silo.Output);
        Assert.Equal("builtin", task.Value.GetProperty("connector").GetString());
        Assert.False(string.IsNullOrEmpty(task.Value.GetProperty("repId").GetString()));
    }

    private static async Task<JsonElement?> FirstDeliveredTaskAsync(HttpClient http)
    {
        using var leads = await http.GetFromJsonAsync<JsonDocument>("/api/leads?status=all");
        foreach (var lead in leads!.RootElement.GetProperty("leads").EnumerateArray())
        {
            if (lead.GetProperty("assigneeId").ValueKind != JsonValueKind.String)
            {
                continue;
            }

            using var detail = await http.GetFromJsonAsync<JsonDocument>($"/api/leads/{Uri.EscapeDataString(lead.GetProperty("leadId").GetString()!)}");
            foreach (var delivery in detail!.RootElement.GetProperty("deliveries").EnumerateArray())
            {
                if (delivery.GetProperty("kind").GetString()!.Contains("task", StringComparison.OrdinalIgnoreCase)
                    && delivery.GetProperty("state").GetString() == "delivered")
                {
                    return delivery.Clone();
                }
            }
        }

        return null;
    }
}
