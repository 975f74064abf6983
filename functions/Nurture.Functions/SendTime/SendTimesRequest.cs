namespace Nurture.Functions.SendTime;

/// <summary>The body of <c>POST /api/send-times</c>.</summary>
/// <param name="Contacts">Contact ids, email addresses or E.164 phone numbers (1 to <see cref="AdviseSendTimes.MaxContacts"/>).</param>
/// <param name="Channel">The channel (<c>email</c> or <c>sms</c>); email when left out.</param>
/// <param name="Within">The window's length (<c>24h</c>); 24h when left out.</param>
/// <param name="From">The window's start, ISO 8601 with an offset; now when left out.</param>
public sealed record SendTimesRequest(IReadOnlyList<string>? Contacts, string? Channel = null, string? Within = null, string? From = null);
