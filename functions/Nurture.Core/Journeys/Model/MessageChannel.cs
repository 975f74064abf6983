namespace Nurture.Core.Journeys.Model;

/// <summary>A channel a journey sends on. Stored by name: never rename a member.</summary>
public enum MessageChannel
{
    /// <summary>Email.</summary>
    Email,

    /// <summary>SMS.</summary>
    Sms,
}
