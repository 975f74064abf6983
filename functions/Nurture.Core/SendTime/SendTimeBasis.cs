namespace Nurture.Core.SendTime;

/// <summary>What a send-time choice mainly rests on.</summary>
public enum SendTimeBasis
{
    /// <summary>The contact has at least <see cref="SendTimeOptions.PersonalEvidence"/> effective evidence: it picks their routine and shifts the estimate.</summary>
    Personal,

    /// <summary>The shop's pattern (the contact has too little evidence of their own).</summary>
    Shop,

    /// <summary>The default curve (neither the contact nor the shop has enough evidence).</summary>
    Default,
}
