namespace Nurture.Storage.Repositories;

/// <summary>Where a contact id leads (after a merge redirect) and what its profile row was when read.</summary>
/// <param name="ContactId">The contact the id lives in now.</param>
/// <param name="Profile">
/// The profile row as just read (<see cref="EntityGuess.Known"/>), <see cref="EntityGuess.Missing"/> when there is none,
/// or <see cref="EntityGuess.None"/> when a redirect was followed and the survivor's row was not read.
/// </param>
public sealed record ProfileLookup(string ContactId, EntityGuess Profile);
