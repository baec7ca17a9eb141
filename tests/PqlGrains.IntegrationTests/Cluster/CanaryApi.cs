using System.Net.Http.Json;
using PqlGrains.Abstractions.Operations;
using PqlGrains.Testing.Hosting;

namespace PqlGrains.IntegrationTests.Cluster;

/// <summary>The canary admin endpoints as an operator calls them, with patience for failover.</summary>
internal static class CanaryApi
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    public static async Task<CanaryReport> BumpAsync(SiloProcess silo, string id) =>
        await ReadReportAsync(await silo.Http.PostAsync($"/api/admin/canary/{id}", null));

    public static async Task<CanaryReport> ReadAsync(SiloProcess silo, string id) =>
        await ReadReportAsync(await silo.Http.GetAsync($"/api/admin/canary/{id}"));

    public static async Task<CanaryReport> ArmReminderAsync(SiloProcess silo, string id, int periodSeconds) =>
        await ReadReportAsync(await silo.Http.PutAsync($"/api/admin/canary/{id}/reminder?periodSeconds={periodSeconds}", null));

    /// <summary>Reads the canary until <paramref name="condition"/> holds, tolerating errors while the cluster recovers.</summary>
    public static async Task<CanaryReport> ReadUntilAsync(SiloProcess silo, string id, Func<CanaryReport, bool> condition, string waitingFor)
    {
        var deadline = DateTime.UtcNow + Patience;
        CanaryReport? last = null;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await ReadAsync(silo, id);
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                lastError = exception;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"Waited {Patience} for {waitingFor}; last report: {last}; last error: {lastError?.Message}\nSilo output:\n{silo.Output}");
    }

    private static async Task<CanaryReport> ReadReportAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return await response.Content.ReadFromJsonAsync<CanaryReport>()
                ?? throw new HttpRequestException("Empty canary report.");
        }
    }
}
