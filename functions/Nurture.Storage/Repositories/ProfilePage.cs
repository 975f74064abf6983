using Nurture.Core.Profiles;

namespace Nurture.Storage.Repositories;

/// <summary>One page of a scan of the stored profiles.</summary>
/// <param name="Profiles">The profiles on the page (merge redirects left out).</param>
/// <param name="ContinuationToken">Where the next page starts; null when the scan is done.</param>
public sealed record ProfilePage(IReadOnlyList<ContactProfile> Profiles, string? ContinuationToken);
