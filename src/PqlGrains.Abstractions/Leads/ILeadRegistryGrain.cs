namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// The cluster-wide index of leads, dead letters and conversions (one activation, key <see cref="Key"/>), bounded so
/// listing stays cheap: open leads are always kept, closed ones up to a configured count.
/// </summary>
public interface ILeadRegistryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task Upsert(LeadSummary lead);

    Task<LeadPage> List(bool openOnly, int offset, int limit);

    Task RecordDeadLetter(DeadLetter deadLetter);

    Task<DeadLetter[]> DeadLetters(int offset, int limit);

    Task RecordConversion(Conversion conversion);

    Task<Conversion[]> Conversions(int offset, int limit);
}
