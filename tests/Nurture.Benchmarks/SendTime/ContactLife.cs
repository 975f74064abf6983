using System.Globalization;
using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Benchmarks.SendTime;

/// <summary>The working state of generating one contact: their draws, routine over time and the events so far.</summary>
internal sealed class ContactLife(string id, TimeZoneInfo zone, Random random, Func<DateTimeOffset, Routine> routineAt)
{
    private readonly ContactIdentity _identity = new(ContactId: id);

    public Random Random { get; } = random;

    public List<CanonicalEvent> Events { get; } = [];

    public int Genuine { get; private set; }

    /// <summary>The ids of events our sends caused (opens, clicks, the sessions clicks led to): truth, for diagnostics.</summary>
    public HashSet<string> SendCaused { get; } = new(StringComparer.Ordinal);

    /// <summary>While true, added events are recorded as caused by a send.</summary>
    public bool InResponse { get; set; }

    public required double ReadMinutes { get; init; }

    public required double OpenProbability { get; init; }

    public required double ClickProbability { get; init; }

    public required bool PrivacyProxy { get; init; }

    public Routine RoutineAt(DateTimeOffset at) => routineAt(at);

    /// <summary>Attention (checks per hour) at an instant, in the contact's real zone.</summary>
    public double RateAt(DateTimeOffset at) => routineAt(at).RateAt(at.UtcDateTime + zone.GetUtcOffset(at));

    public void Add(string type, DateTimeOffset at, JsonElement properties, EventSource source, bool genuine = true)
    {
        var key = id + "-" + Events.Count.ToString(CultureInfo.InvariantCulture);
        Events.Add(new CanonicalEvent(key, type, source, key, at, _identity, properties));
        if (InResponse)
        {
            SendCaused.Add(key);
        }
        if (genuine)
        {
            Genuine++;
        }
    }
}
