namespace Nurture.Functions.SendTime;

/// <summary>The answer of <c>POST /api/send-times</c>.</summary>
/// <param name="Count">How many contacts have an answer.</param>
/// <param name="SendTimes">One advice per contact found, in the order asked.</param>
/// <param name="NotFound">The requested identifiers no contact has.</param>
public sealed record SendTimesAnswer(int Count, IReadOnlyList<SendTimeView> SendTimes, IReadOnlyList<string> NotFound);
