using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Ingest;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class InMemoryEventLogTests : EventLogContract
{
    protected override Task<IEventLog> CreateLogAsync() => Task.FromResult<IEventLog>(new InMemoryEventLog());
}
