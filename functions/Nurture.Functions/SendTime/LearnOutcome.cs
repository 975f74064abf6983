using Nurture.Core.SendTime;

namespace Nurture.Functions.SendTime;

/// <summary>What a learning run did.</summary>
/// <param name="Built">Whether a new pattern was built and stored (false: a recent one was kept).</param>
/// <param name="Pattern">The pattern now stored.</param>
/// <param name="ProfilesRead">Profiles read (0 when kept).</param>
public sealed record LearnOutcome(bool Built, ShopSendTimePattern Pattern, int ProfilesRead);
