namespace Nurture.Core.Profiles;

/// <summary>One consent statement an event made, for the data-subject export's consent history.</summary>
/// <param name="EventId">The event that made it.</param>
/// <param name="EventType">Its type.</param>
/// <param name="Channel"><c>email</c>, <c>sms</c> or <c>email_group:{id}</c>.</param>
/// <param name="Consent">What it said, with its source, time and proof.</param>
/// <param name="Suppression">The suppression it made on the channel, if any.</param>
public sealed record ConsentChange(string EventId, string EventType, string Channel, ConsentState? Consent, SuppressionReason? Suppression);
