using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Serialization;

[RegisterConverter]
public sealed class ScoringEventSurrogateConverter : IConverter<ScoringEvent, ScoringEventSurrogate>
{
    public ScoringEvent ConvertFromSurrogate(in ScoringEventSurrogate surrogate)
    {
        var properties = EventProperties.Empty;
        var keys = surrogate.PropertyKeys ?? [];
        if (keys.Length > 0)
        {
            var pairs = new KeyValuePair<string, PropertyValue>[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                pairs[i] = new(keys[i], surrogate.PropertyValues[i].ToValue());
            }

            properties = new EventProperties(pairs);
        }

        return new ScoringEvent(
            surrogate.MessageId,
            surrogate.UserId,
            surrogate.Type,
            surrogate.Name,
            surrogate.Timestamp,
            properties,
            surrogate.GroupId);
    }

    public ScoringEventSurrogate ConvertToSurrogate(in ScoringEvent value)
    {
        var count = value.Properties.Count;
        var keys = count == 0 ? [] : new string[count];
        var values = count == 0 ? [] : new PropertyValueSurrogate[count];
        var i = 0;
        foreach (var (key, property) in value.Properties)
        {
            keys[i] = key;
            values[i] = PropertyValueSurrogate.From(property);
            i++;
        }

        return new ScoringEventSurrogate
        {
            MessageId = value.MessageId,
            UserId = value.UserId,
            Type = value.Type,
            Name = value.Name,
            Timestamp = value.Timestamp,
            PropertyKeys = keys,
            PropertyValues = values,
            GroupId = value.GroupId,
        };
    }
}
