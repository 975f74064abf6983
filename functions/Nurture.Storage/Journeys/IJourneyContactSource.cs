using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Storage.Journeys;

/// <summary>
/// Where journeys read contacts from and write profile updates to. <see cref="JourneyContactStore"/> is a
/// minimal table of its own; the profile store replaces it once profiles are stored.
/// </summary>
public interface IJourneyContactSource
{
    /// <summary>The contact, or null when unknown.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<JourneyRecipient?> GetAsync(string contactId, CancellationToken cancellationToken = default);

    /// <summary>Applies a journey's profile update (set semantics, so applying it twice changes nothing more).</summary>
    /// <param name="update">The update.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task ApplyAsync(UpdateProfile update, CancellationToken cancellationToken = default);
}
