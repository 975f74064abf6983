using Nurture.Core.Journeys.Model;

namespace Nurture.Functions.Tests.Journeys;

/// <summary>What reached the app's channel in a kill run, read from where the channel keeps it (the outbox, or the provider fakes).</summary>
internal interface IChannelCalls
{
    /// <summary>A name for the test output.</summary>
    string Name { get; }

    /// <summary>How many distinct message ids reached the channel so far.</summary>
    Task<int> CountAsync();

    /// <summary>Every message id that reached the channel, with its calls.</summary>
    Task<IReadOnlyDictionary<string, MessageCalls>> ReadAsync();
}

/// <summary>The calls of one message id.</summary>
/// <param name="Count">How many times the channel was handed it.</param>
/// <param name="FirstAt">When it first reached the channel.</param>
/// <param name="ContactId">Whom it was for.</param>
/// <param name="Channel">Email or SMS.</param>
internal sealed record MessageCalls(int Count, DateTimeOffset FirstAt, string ContactId, MessageChannel Channel);
