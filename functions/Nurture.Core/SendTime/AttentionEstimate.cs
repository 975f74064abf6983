namespace Nurture.Core.SendTime;

/// <summary>A contact's estimated attention, ready for choosing: the value of sending at each local slot.</summary>
/// <param name="Values">By local slot: the attention in the hours after it, weighted by how quickly a message is buried.</param>
/// <param name="EffectiveEvidence">The contact's exposure-corrected evidence weight.</param>
/// <param name="PersonalWeight">The share of the estimate that is the contact's own evidence.</param>
/// <param name="Basis">What the estimate mainly rests on.</param>
/// <param name="Confidence">How much of the estimate is learned rather than assumed.</param>
internal sealed record AttentionEstimate(double[] Values, double EffectiveEvidence, double PersonalWeight, SendTimeBasis Basis, double Confidence);
